package org.convoy.support.layeringfixture.domain;

import org.springframework.kafka.core.KafkaTemplate;

/** Domain code that wrongly talks to Kafka itself, for {@code LayeringRulesTest}. */
public class Broadcaster {

    private final KafkaTemplate<String, String> kafka;

    public Broadcaster(KafkaTemplate<String, String> kafka) {
        this.kafka = kafka;
    }

    public void announce(String text) {
        kafka.send("convoy.meetings", text);
    }
}
