package org.convoy.gateway.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RSA key pair that signs organizer tokens. Its public half is what the gateway publishes as JWKS; its key id is
 * the key's RFC 7638 thumbprint, so a new key gets a new id and services fetch the keys again when they meet it.
 */
final class SigningKey {

    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private final RSAKey key;

    private SigningKey(RSAPublicKey publicKey, RSAPrivateCrtKey privateKey) {
        try {
            RSAKey unnamed = new RSAKey.Builder(publicKey).privateKey(privateKey).build();
            this.key = new RSAKey.Builder(unnamed).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(unnamed.computeThumbprint().toString()).build();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot name the signing key", e);
        }
    }

    /** From {@code convoy.gateway.auth.signing-key}: read, or made and kept there; made for this run when empty. */
    static SigningKey from(String location) {
        if (location == null || location.isBlank()) {
            log.info("Token signing key made for this run; set GATEWAY_SIGNING_KEY to keep tokens valid across restarts");
            return generate();
        }
        Path path = Path.of(location);
        try {
            if (Files.exists(path)) {
                return read(Files.readString(path, StandardCharsets.US_ASCII));
            }
            SigningKey made = generate();
            if (!made.writeIfAbsent(path)) {
                // Another gateway starting at the same moment kept its key first: every gateway signs with that one.
                return read(Files.readString(path, StandardCharsets.US_ASCII));
            }
            log.atInfo().addKeyValue("path", path).log("Made a new token signing key");
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the token signing key " + path, e);
        }
    }

    static SigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            return new SigningKey((RSAPublicKey) pair.getPublic(), (RSAPrivateCrtKey) pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA unavailable", e);
        }
    }

    static SigningKey read(String pem) {
        if (!pem.contains(BEGIN)) {
            throw new IllegalArgumentException("The token signing key must be a PKCS#8 PEM ('" + BEGIN + "')");
        }
        String base64 = pem.substring(pem.indexOf(BEGIN) + BEGIN.length(), pem.indexOf(END)).replaceAll("\\s", "");
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new SigningKey(publicKey, privateKey);
        } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
            throw new IllegalArgumentException("The token signing key is not an RSA private key in PKCS#8 PEM", e);
        }
    }

    /**
     * Keeps the key at {@code path} unless a key is there already; false then. The key is written whole under another
     * name and linked to {@code path} in one step, which fails when the name is taken, so gateways starting together
     * on one key file end up with one key, never read half written.
     */
    boolean writeIfAbsent(Path path) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(privateKey().getEncoded());
        Path folder = path.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path written = Files.createTempFile(folder, ".signing-key", ".pem");
        try {
            try {
                Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the folder's own permissions guard it
            }
            Files.writeString(written, BEGIN + "\n" + body + "\n" + END + "\n", StandardCharsets.US_ASCII);
            Files.createLink(path, written);
            return true;
        } catch (FileAlreadyExistsException taken) {
            return false;
        } finally {
            Files.deleteIfExists(written);
        }
    }

    RSAKey jwk() {
        return key;
    }

    String keyId() {
        return key.getKeyID();
    }

    RSAPublicKey publicKey() {
        try {
            return key.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private java.security.PrivateKey privateKey() {
        try {
            return key.toPrivateKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key set, as served at {@code /.well-known/jwks.json}. */
    Map<String, Object> publicJwks() {
        return new JWKSet(key.toPublicJWK()).toJSONObject();
    }
}
