package org.convoy.support.test;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.convoy.events.CarriesProfile;
import org.convoy.events.DelegateDataKeys;
import org.convoy.events.DelegateKeyShared;
import org.convoy.events.DelegateProfile;
import org.convoy.events.EventCodec;
import org.convoy.events.EventHeaders;
import org.convoy.events.Topics;

/**
 * Opens delegates' sealed profiles the way a service does, from outside: with the delegate's key as it is on the key
 * stream, unwrapped with the secret the services under test share.
 */
public final class SealedProfiles implements AutoCloseable {

    private final EventProbe keys;
    private final DelegateDataKeys dataKeys = new DelegateDataKeys(TestSecrets.DELEGATE_DATA);
    private final EventCodec codec = new EventCodec();

    public SealedProfiles(String bootstrapServers) {
        keys = new EventProbe(bootstrapServers, Topics.DELEGATE_KEYS);
    }

    /** The profile the event carries, once the delegate's key is on the key stream. */
    public DelegateProfile open(CarriesProfile event) {
        String wrappedKey = await().atMost(Duration.ofSeconds(20))
                .until(() -> latestKey(event.delegateId()), Optional::isPresent).orElseThrow();
        return dataKeys.open(event.delegateId(), wrappedKey, event.sealedProfile());
    }

    /** The types of the events on the key stream about the delegate, oldest first. */
    public List<String> keyEvents(UUID delegateId) {
        return keys.recordsWithKey(delegateId.toString()).stream()
                .map(record -> EventProbe.header(record, EventHeaders.EVENT_TYPE)).toList();
    }

    private Optional<String> latestKey(UUID delegateId) {
        List<ConsumerRecord<String, byte[]>> records = keys.recordsWithKey(delegateId.toString());
        return records.stream().filter(record -> "DelegateKeyShared".equals(EventProbe.header(record,
                EventHeaders.EVENT_TYPE))).reduce((first, second) -> second)
                .map(record -> codec.read(record.value(), DelegateKeyShared.class).wrappedKey());
    }

    @Override
    public void close() {
        keys.close();
    }
}
