package org.convoy.notification.deadletter.messaging;

import java.util.function.Consumer;

import org.convoy.notification.deadletter.DeadLetters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binding {@code deadLetterTopic-in-0}: keeps what reaches notification's dead-letter topic for organizers. */
@Configuration(proxyBeanMethods = false)
class DeadLettersConfiguration {

    @Bean
    Consumer<Message<byte[]>> deadLetterTopic(DeadLetters letters) {
        return letters::received;
    }
}
