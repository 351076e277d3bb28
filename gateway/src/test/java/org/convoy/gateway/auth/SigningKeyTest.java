package org.convoy.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signing key survives a restart when it has a file, and is made anew each start when it has none. */
class SigningKeyTest {

    @TempDir
    Path dir;

    @Test
    void aKeyMadeIntoAFileIsReadBackTheSameSoTokensOutliveARestart() throws Exception {
        Path file = dir.resolve("gateway").resolve("jwt-signing-key.pem");

        SigningKey first = SigningKey.from(file.toString());
        SigningKey afterRestart = SigningKey.from(file.toString());

        assertThat(afterRestart.keyId()).isEqualTo(first.keyId());
        assertThat(afterRestart.publicKey()).isEqualTo(first.publicKey());
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void withoutAFileEveryStartMakesANewKey() {
        assertThat(SigningKey.from("").keyId()).isNotEqualTo(SigningKey.from("").keyId());
    }

    @Test
    void thePublishedKeySetHoldsNoPrivatePart() {
        assertThat(SigningKey.generate().publicJwks().toString()).doesNotContain("\"d\"").doesNotContain(" d=");
    }

    @Test
    void aFileThatIsNoKeyStopsTheStartWithAClearReason() throws Exception {
        Path file = Files.writeString(dir.resolve("broken.pem"), "hello");

        assertThatThrownBy(() -> SigningKey.from(file.toString())).hasMessageContaining("PKCS#8 PEM");
    }
}
