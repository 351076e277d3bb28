package org.convoy.scheduling;

import java.time.Clock;

import org.convoy.support.links.AttendeePasses;
import org.convoy.support.links.PersonalLinks;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SchedulingProperties.class)
class SchedulingConfiguration {

    @Bean
    PersonalLinks personalLinks(SchedulingProperties properties, Clock clock) {
        return new PersonalLinks(properties.linkSecret(), clock);
    }

    /** Check-in and survey passes, under the link secret notification shares to put them in emails. */
    @Bean
    AttendeePasses attendeePasses(SchedulingProperties properties) {
        return new AttendeePasses(properties.linkSecret());
    }
}
