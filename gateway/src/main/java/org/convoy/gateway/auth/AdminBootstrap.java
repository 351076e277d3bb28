package org.convoy.gateway.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * At start-up: the indexes of revoked tokens and ended access, and the first administrator from
 * {@code CONVOY_ADMIN_USERNAME} and {@code CONVOY_ADMIN_PASSWORD} when no user has that name yet (the password is used
 * only then, and never logged; an administrator removed later comes back at the next start, so disable her instead).
 * When MongoDB is not reachable yet, it keeps trying in the background instead of stopping the gateway.
 */
final class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    static final int MIN_PASSWORD_LENGTH = 12;

    private final Users users;
    private final RevokedTokens revoked;
    private final EndedAccess ended;
    private final PasswordEncoder passwords;
    private final AuthProperties.Admin admin;

    AdminBootstrap(Users users, RevokedTokens revoked, EndedAccess ended, PasswordEncoder passwords,
            AuthProperties properties) {
        this.users = users;
        this.revoked = revoked;
        this.ended = ended;
        this.passwords = passwords;
        this.admin = properties.admin();
        if (admin.configured() && (admin.password().length() < MIN_PASSWORD_LENGTH
                || admin.password().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                        > AuthController.MAX_PASSWORD_BYTES)) {
            throw new IllegalStateException("CONVOY_ADMIN_PASSWORD must have 12 to 72 characters");
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!admin.configured()) {
            log.warn("No administrator configured (CONVOY_ADMIN_USERNAME, CONVOY_ADMIN_PASSWORD): nobody can log in "
                    + "until one exists");
        }
        CompletableFuture<Void> done = revoked.createIndexes().then(ended.createIndexes()).then(createAdmin())
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30))
                        .doBeforeRetry(signal -> log.atWarn().addKeyValue("attempt", signal.totalRetries() + 1)
                                .log("MongoDB not reachable yet; will create the administrator when it is")))
                .toFuture();
        try {
            done.get(15, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.warn("Starting without the administrator; it is created as soon as MongoDB answers");
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot prepare the user store", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Mono<Void> createAdmin() {
        if (!admin.configured()) {
            return Mono.empty();
        }
        String username = Users.normalize(admin.username());
        return users.find(username).hasElement().flatMap(exists -> {
            if (exists) {
                log.atInfo().addKeyValue("user", username)
                        .log("Administrator exists; CONVOY_ADMIN_PASSWORD is only used to create it");
                return Mono.<Void>empty();
            }
            return Mono.fromCallable(() -> passwords.encode(admin.password())).subscribeOn(Schedulers.boundedElastic())
                    .flatMap(hash -> users.insert(Users.User.create(username, hash,
                            List.of(Users.ADMIN, Users.ORGANIZER), Instant.now(), "start-up")))
                    .doOnSuccess(created -> log.atInfo().addKeyValue("user", username).log("Administrator created"))
                    .onErrorResume(DuplicateKeyException.class, raced -> Mono.empty())
                    .then();
        });
    }
}
