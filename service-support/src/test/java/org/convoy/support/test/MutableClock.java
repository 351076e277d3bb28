package org.convoy.support.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock tests can set: import {@link Config} and the service's {@code Clock} is this one. It keeps ticking from
 * wherever it was set, so retries and timeouts still come due. It starts a week before the seed convoy (2023), so
 * that meetings of the seed convoy are upcoming until a test moves it.
 */
public final class MutableClock extends Clock {

    public static final Instant BEFORE_CONVOY = Instant.parse("2023-02-20T12:00:00Z");

    private volatile Duration offset = Duration.between(Instant.now(), BEFORE_CONVOY);

    /** From now on the clock reads this instant, and goes on from there. */
    public void set(Instant instant) {
        offset = Duration.between(Instant.now(), instant);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }
}
