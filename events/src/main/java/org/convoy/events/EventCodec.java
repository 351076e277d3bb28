package org.convoy.events;

import java.nio.charset.StandardCharsets;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON form of events, used by producers and consumers alike: ISO-8601 instants, properties in
 * declaration order, and a tolerant reader that ignores fields it does not know (a newer producer may add some).
 */
public final class EventCodec {

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    public String toJson(ConvoyEvent event) {
        return mapper.writeValueAsString(event);
    }

    public byte[] toBytes(ConvoyEvent event) {
        return toJson(event).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads an event of the named type.
     *
     * @throws UnreadableEventException when the payload is not valid JSON for that type
     */
    public <T extends ConvoyEvent> T read(byte[] payload, Class<T> type) {
        try {
            T event = mapper.readValue(payload, type);
            if (event == null || event.eventId() == null) {
                throw new UnreadableEventException(type.getSimpleName() + " without eventId");
            }
            return event;
        } catch (JacksonException e) {
            throw new UnreadableEventException("Cannot read " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public <T extends ConvoyEvent> T read(String json, Class<T> type) {
        return read(json.getBytes(StandardCharsets.UTF_8), type);
    }
}
