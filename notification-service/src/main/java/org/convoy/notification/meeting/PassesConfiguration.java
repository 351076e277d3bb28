package org.convoy.notification.meeting;

import org.convoy.notification.NotificationProperties;
import org.convoy.support.links.AttendeePasses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PassesConfiguration {

    /**
     * Attendees' check-in and survey passes, under the link secret scheduling shares ({@code REGISTRATION_LINK_SECRET}),
     * which verifies them.
     */
    @Bean
    AttendeePasses attendeePasses(NotificationProperties properties) {
        return new AttendeePasses(properties.linkSecret());
    }
}
