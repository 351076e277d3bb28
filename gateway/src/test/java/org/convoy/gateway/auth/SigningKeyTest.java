package org.convoy.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signing key survives a restart when it has a file, is the same for gateways sharing the file, and is made anew
 * each start when it has none.
 */
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
    void gatewaysStartingTogetherOnOneFileAllSignWithTheSameKey() throws Exception {
        Path file = dir.resolve("shared").resolve("jwt-signing-key.pem");
        ExecutorService gateways = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> keyIds = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                keyIds.add(gateways.submit(() -> {
                    go.await();
                    return SigningKey.from(file.toString()).keyId();
                }));
            }
            go.countDown();
            Set<String> distinct = new HashSet<>();
            for (Future<String> keyId : keyIds) {
                distinct.add(keyId.get());
            }

            assertThat(distinct).containsExactly(SigningKey.from(file.toString()).keyId());
            try (var left = Files.list(file.getParent())) {
                assertThat(left).containsExactly(file);
            }
        } finally {
            gateways.shutdownNow();
        }
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
