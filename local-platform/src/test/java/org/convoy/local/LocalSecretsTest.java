package org.convoy.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local platform's signing secrets are its own: random on the first start, kept for the next, private. */
class LocalSecretsTest {

    @TempDir
    Path dataDir;

    @Test
    void theFirstStartMakesRandomSecretsThatLaterStartsKeep() throws Exception {
        Map<String, String> first = LocalSecrets.in(dataDir);
        Map<String, String> again = LocalSecrets.in(dataDir);

        assertThat(first).containsOnlyKeys(LocalSecrets.VARIABLES).allSatisfy((variable, secret) ->
                assertThat(secret).hasSizeGreaterThanOrEqualTo(48));
        assertThat(again).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(LocalSecrets.FILE))))
                .isEqualTo("rw-------");
    }

    @Test
    void anotherDataDirectoryGetsOtherSecrets(@TempDir Path other) {
        assertThat(LocalSecrets.in(other).values()).doesNotContainAnyElementsOf(LocalSecrets.in(dataDir).values());
    }
}
