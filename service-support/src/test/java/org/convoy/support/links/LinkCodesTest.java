package org.convoy.support.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** A link's code is made from its nonce only with the link secret, and kept only by its hash. */
class LinkCodesTest {

    private static final String SECRET = "a-secret-of-at-least-thirty-two-characters";
    private final UUID maria = UUID.randomUUID();

    @Test
    void theSameNonceGivesTheSameCodeWithTheSecretAndAnotherWithout() {
        String nonce = LinkCodes.nonce();

        assertThat(new LinkCodes(SECRET).code(maria, nonce)).isEqualTo(new LinkCodes(SECRET).code(maria, nonce))
                .isNotEqualTo(new LinkCodes("another-secret-of-thirty-two-characters").code(maria, nonce))
                .isNotEqualTo(new LinkCodes(SECRET).code(UUID.randomUUID(), nonce))
                .doesNotContain(nonce).hasSizeGreaterThanOrEqualTo(43);
    }

    @Test
    void nonceAndHashTellNothingOfTheCode() {
        String nonce = LinkCodes.nonce();
        String code = new LinkCodes(SECRET).code(maria, nonce);

        assertThat(LinkCodes.hash(code)).isNotEqualTo(code).isEqualTo(LinkCodes.hash(code));
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            nonces.add(LinkCodes.nonce());
        }
        assertThat(nonces).as("nonces do not repeat").hasSize(1000);
    }
}
