package org.convoy.registration.delegate;

import static org.assertj.core.api.Assertions.assertThat;

import org.convoy.support.test.TestSecrets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Registration starts only with a link secret of its operator's own, and says which variable is missing. */
class RegistrationPropertiesTest {

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class)
            .withPropertyValues("convoy.registration.link-secret=${REGISTRATION_LINK_SECRET:}");

    @Test
    void withoutALinkSecretTheServiceDoesNotStartAndNamesTheVariable() {
        service.run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                .hasMessageContaining("REGISTRATION_LINK_SECRET is not set"));
    }

    @Test
    void withTheSecretOnceShippedAsADefaultItDoesNotStartEither() {
        service.withPropertyValues("REGISTRATION_LINK_SECRET=local-development-link-secret-change-me-0001")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("REGISTRATION_LINK_SECRET is a value published with the product"));
    }

    @Test
    void withAnOperatorsOwnSecretItStarts() {
        service.withPropertyValues("REGISTRATION_LINK_SECRET=" + TestSecrets.LINK)
                .run(context -> assertThat(context).hasNotFailed().getBean(RegistrationProperties.class)
                        .extracting(RegistrationProperties::linkSecret).isEqualTo(TestSecrets.LINK));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RegistrationProperties.class)
    static class Settings {
    }
}
