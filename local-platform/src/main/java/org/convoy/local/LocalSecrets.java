package org.convoy.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The signing secrets of the local platform: made at random on its first start and kept with its data
 * ({@code secrets.properties}, readable by its owner only), so links already emailed keep working across restarts
 * and no two machines share a secret. {@code --reset} makes new ones with the new data.
 */
final class LocalSecrets {

    static final String FILE = "secrets.properties";
    static final List<String> VARIABLES = List.of("REGISTRATION_LINK_SECRET", "NOTIFICATION_PREFERENCES_SECRET",
            "DELEGATE_DATA_SECRET");

    private LocalSecrets() {
    }

    /** The secrets kept in the data directory, made there first when missing. */
    static Map<String, String> in(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        Properties kept = new Properties();
        try {
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    kept.load(in);
                }
            }
            boolean added = false;
            for (String variable : VARIABLES) {
                if (kept.getProperty(variable, "").isBlank()) {
                    kept.setProperty(variable, random());
                    added = true;
                }
            }
            if (added) {
                write(file, kept);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the platform's secrets in " + file, e);
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        VARIABLES.forEach(variable -> secrets.put(variable, kept.getProperty(variable)));
        return secrets;
    }

    private static void write(Path file, Properties secrets) throws IOException {
        Files.createDirectories(file.getParent());
        if (Files.notExists(file)) {
            Files.createFile(file);
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions: the file is as private as the data directory
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            secrets.store(out, "Signing secrets of this local platform; made at random on its first start");
        }
    }

    private static String random() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
