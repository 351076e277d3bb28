package org.convoy.events;

/** Events of the convoy stream, published on {@link Topics#CONVOYS} keyed by convoy id. */
public sealed interface ConvoyDefinitionEvent extends ConvoyEvent permits ConvoyPublished, ConvoyDatesChanged {

    String convoyId();

    int sequence();

    @Override
    default String aggregateId() {
        return convoyId();
    }
}
