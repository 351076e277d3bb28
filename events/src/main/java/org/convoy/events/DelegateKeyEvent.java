package org.convoy.events;

import java.util.UUID;

/**
 * Events of the delegate key stream, published on {@link Topics#DELEGATE_KEYS} keyed by delegate id. The topic is
 * compacted: Kafka keeps only the newest event of each delegate, so once a key is destroyed the key itself is gone
 * from the broker at the next compaction.
 */
public sealed interface DelegateKeyEvent extends ConvoyEvent permits DelegateKeyShared, DelegateKeyDestroyed {

    UUID delegateId();

    String convoyId();

    @Override
    default String aggregateId() {
        return delegateId().toString();
    }
}
