package org.convoy.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** A service starts only with a signing secret of its operator's own, and says which variable to set. */
class SecretsTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "   ", "local-development-link-secret-change-me-0001",
            "local-development-preferences-secret-change-me", "compose-development-link-secret-change-me", "short" })
    void aMissingPublishedOrShortSecretIsRefusedNamingItsVariable(String value) {
        assertThatThrownBy(() -> Secrets.require("REGISTRATION_LINK_SECRET", value))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("REGISTRATION_LINK_SECRET")
                .hasMessageContaining("openssl rand");
    }

    @Test
    void anOperatorsOwnSecretIsUsed() {
        String own = "q2V8mXr0-Zk3Lw1Pn9Ys4Tb7Hc6Fd5Ga8Je2Uo1Vi3";
        assertThat(Secrets.require("REGISTRATION_LINK_SECRET", own)).isEqualTo(own);
    }
}
