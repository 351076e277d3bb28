package org.convoy.support.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every absolute link is made in one place, whatever the configured base looks like. */
class PublicAddressTest {

    @ParameterizedTest
    @ValueSource(strings = { "http://localhost:8080", "http://localhost:8080/", "http://localhost:8080//",
            " http://localhost:8080/ " })
    void aBaseWithOrWithoutItsTrailingSlashGivesOneLink(String base) {
        PublicAddress address = new PublicAddress(base);

        assertThat(address.of("/preferences#token=p1.abc")).isEqualTo("http://localhost:8080/preferences#token=p1.abc");
        assertThat(address.of("registration#token=v1.abc")).isEqualTo("http://localhost:8080/registration#token=v1.abc");
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://convoy.example.org/platform", "https://convoy.example.org/platform/" })
    void aBaseUnderAPathKeepsIt(String base) {
        assertThat(new PublicAddress(base).of("/preferences")).isEqualTo("https://convoy.example.org/platform/preferences");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "localhost:8080", "ftp://convoy.example.org", "https://convoy.example.org/?a=b",
            "https://convoy.example.org/#x", "not a url" })
    void anAddressPeopleCannotOpenIsRefusedAtStart(String base) {
        assertThatThrownBy(() -> new PublicAddress(base)).isInstanceOf(IllegalArgumentException.class);
    }
}
