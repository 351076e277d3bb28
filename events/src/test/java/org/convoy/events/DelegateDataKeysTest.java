package org.convoy.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class DelegateDataKeysTest {

    private static final String SECRET = "a-key-wrapping-secret-for-this-test-only-4f9c2a";

    private final DelegateDataKeys keys = new DelegateDataKeys(SECRET);
    private final UUID maria = UUID.randomUUID();
    private final DelegateProfile profile = new DelegateProfile("María José", "Núñez", "maria@zapopan.gob.mx",
            "+523312345678", "es", "MAYOR", "MX-JAL", "Zapopan", "Municipio de Zapopan", "Presidenta Municipal",
            List.of("CINEMATOGRAPHY"), List.of("CREATIVE_INDUSTRIES"), Set.of("EMAIL", "SMS"), true);

    @Test
    void aSealedProfileOpensWithTheDelegatesKeyAndShowsNothingOfThePerson() {
        String key = keys.newKey(maria);
        String sealed = keys.seal(maria, key, profile);

        assertThat(keys.open(maria, key, sealed)).isEqualTo(profile);
        String onTheWire = key + sealed + new String(Base64.getUrlDecoder().decode(sealed.substring(3)),
                StandardCharsets.ISO_8859_1);
        assertThat(onTheWire).doesNotContain("María José", "Núñez", "maria@zapopan", "3312345678", "Presidenta");
    }

    @Test
    void everyDelegateHasAKeyOfTheirOwnAndEverySealingIsFresh() {
        String key = keys.newKey(maria);

        assertThat(keys.newKey(maria)).isNotEqualTo(key);
        assertThat(keys.seal(maria, key, profile)).isNotEqualTo(keys.seal(maria, key, profile));
    }

    @Test
    void anotherDelegatesKeyOrAProfileMovedToAnotherDelegateDoesNotOpen() {
        UUID other = UUID.randomUUID();
        String key = keys.newKey(maria);
        String otherKey = keys.newKey(other);
        String sealed = keys.seal(maria, key, profile);

        assertThatThrownBy(() -> keys.open(maria, otherKey, sealed)).isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> keys.open(other, key, sealed)).isInstanceOf(UnreadableEventException.class);
        assertThat(keys.opens(other, key)).isFalse();
    }

    @Test
    void anAlteredProfileOrKeyDoesNotOpen() {
        String key = keys.newKey(maria);
        String sealed = keys.seal(maria, key, profile);
        byte[] bytes = Base64.getUrlDecoder().decode(sealed.substring(3));
        bytes[bytes.length / 2] ^= 1;
        String altered = "p1." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        assertThatThrownBy(() -> keys.open(maria, key, altered)).isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> keys.open(maria, "k1.AAAA", sealed)).isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> keys.open(maria, key, "not sealed")).isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> keys.open(maria, key, "p1.%%%")).isInstanceOf(UnreadableEventException.class);
    }

    @Test
    void aServiceWithAnotherSecretCannotUnwrapTheKey() {
        String key = keys.newKey(maria);
        DelegateDataKeys elsewhere = new DelegateDataKeys("another-key-wrapping-secret-for-this-test-0000");

        assertThat(elsewhere.opens(maria, key)).isFalse();
        assertThatThrownBy(() -> elsewhere.open(maria, key, keys.seal(maria, key, profile)))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("DELEGATE_DATA_SECRET");
    }
}
