package org.convoy.gateway.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.convoy.gateway.auth.TokenIssuer.IssuedToken;
import org.convoy.gateway.auth.Users.User;
import org.convoy.gateway.web.ClientAddress;
import org.convoy.gateway.web.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Organizer login and accounts. {@code POST /api/auth/login} answers a short-lived token, or 401 that never says
 * whether the user exists or is disabled; {@code POST /api/auth/logout} ends the token it is called with;
 * {@code PUT /api/auth/password} changes the caller's own password and ends all her tokens; an administrator creates
 * organizers with {@code POST /api/auth/users} (the rest of account management is {@link AccountController}). The
 * public keys that check every token are at {@code /.well-known/jwks.json}.
 */
@RestController
class AuthController {

    private static final Logger log = LoggerFactory.getLogger(AuthController.class);
    /** BCrypt reads at most 72 bytes of a password. */
    static final int MAX_PASSWORD_BYTES = 72;

    private final Users users;
    private final RevokedTokens revoked;
    private final SessionAnnouncer announcer;
    private final EndedAccess ended;
    private final Accounts accounts;
    private final TokenIssuer issuer;
    private final LoginThrottle throttle;
    private final PasswordEncoder passwords;
    private final SigningKey key;
    private final boolean trustForwardedFor;
    /** Checked when the user does not exist, so that a login takes as long either way. */
    private final String decoyHash;

    AuthController(Users users, RevokedTokens revoked, SessionAnnouncer announcer, EndedAccess ended, Accounts accounts,
            TokenIssuer issuer, LoginThrottle throttle, PasswordEncoder passwords, SigningKey key,
            GatewayProperties gateway) {
        this.users = users;
        this.revoked = revoked;
        this.announcer = announcer;
        this.ended = ended;
        this.accounts = accounts;
        this.issuer = issuer;
        this.throttle = throttle;
        this.passwords = passwords;
        this.key = key;
        this.trustForwardedFor = gateway.publicRateLimit().trustForwardedFor();
        this.decoyHash = passwords.encode("decoy-password-never-matches");
    }

    @PostMapping("/api/auth/login")
    Mono<ResponseEntity<IssuedToken>> login(@Valid @RequestBody LoginRequest request, ServerWebExchange exchange) {
        String username = Users.normalize(request.username());
        String address = ClientAddress.of(exchange, trustForwardedFor);
        return throttled(username, address, request.password())
                .flatMap(user -> {
                    if (user.isEmpty() || !user.get().mayLogIn()) {
                        log.atInfo().addKeyValue("address", address).log("Login refused");
                        return throttle.failed(username, address).then(Mono.error(new AuthErrors.LoginRefused()));
                    }
                    return throttle.succeeded(username, address).then(ended.waitBeforeIssuing(username))
                            .flatMap(wait -> wait.isZero() ? Mono.just(0L) : Mono.delay(wait))
                            .then(Mono.fromSupplier(() -> {
                                log.atInfo().addKeyValue("user", username).log("Logged in");
                                return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(
                                        issuer.issue(username, user.get().roles(), user.get().convoysOrEvery()));
                            }));
                });
    }

    /**
     * Checks a password under the guessing limits: refused at once past them (429), held before the check when the
     * user name is being guessed from elsewhere; then the user, if the password is hers.
     */
    private Mono<Optional<User>> throttled(String username, String address, String password) {
        return throttle.before(username, address).flatMap(decision -> {
            if (decision.refuseForMillis() > 0) {
                return Mono.error(new AuthErrors.TooManyLogins(decision.refuseForMillis()));
            }
            Mono<Long> held = decision.delayMillis() > 0 ? Mono.delay(Duration.ofMillis(decision.delayMillis()))
                    : Mono.just(0L);
            return held.then(checkedUser(username, password));
        });
    }

    /**
     * An organizer changes her own password, giving the current one: guesses count against the same limits as logins.
     * Every token she holds ends, this one too; she logs in again with the new password.
     */
    @PutMapping("/api/auth/password")
    Mono<ResponseEntity<Void>> changePassword(@Valid @RequestBody PasswordChange request,
            @AuthenticationPrincipal Jwt token, ServerWebExchange exchange) {
        if (request.newPassword().getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return Mono.error(new AuthErrors.FieldProblem("newPassword", "must be at most 72 bytes"));
        }
        if (request.newPassword().equals(request.currentPassword())) {
            return Mono.error(new AuthErrors.FieldProblem("newPassword", "must differ from the current password"));
        }
        String username = token.getSubject();
        String address = ClientAddress.of(exchange, trustForwardedFor);
        return throttled(username, address, request.currentPassword())
                .flatMap(user -> {
                    if (user.isEmpty() || !user.get().mayLogIn()) {
                        log.atInfo().addKeyValue("user", username).addKeyValue("address", address)
                                .log("Password change refused: wrong current password");
                        return throttle.failed(username, address).then(Mono.error(new AuthErrors.FieldProblem(
                                "currentPassword", "is not your current password")));
                    }
                    return throttle.succeeded(username, address)
                            .then(Mono.fromCallable(() -> passwords.encode(request.newPassword()))
                                    .subscribeOn(Schedulers.boundedElastic()))
                            .flatMap(hash -> accounts.changePassword(username, hash));
                })
                .thenReturn(ResponseEntity.noContent().build());
    }

    /** The user, when she exists and the password is hers; as much BCrypt work either way. */
    private Mono<Optional<User>> checkedUser(String username, String password) {
        return users.find(username).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(user -> checkPassword(password, user.map(User::passwordHash).orElse(decoyHash))
                        .map(matches -> matches && user.isPresent() ? user : Optional.<User>empty()));
    }

    /** Ends the token this call is made with: the gateway refuses it from now on. */
    @PostMapping("/api/auth/logout")
    Mono<ResponseEntity<Void>> logout(@AuthenticationPrincipal Jwt token) {
        Instant expiresAt = token.getExpiresAt() == null ? Instant.now() : token.getExpiresAt();
        return revoked.revoke(token.getId(), token.getSubject(), expiresAt)
                .doOnSuccess(done -> {
                    log.atInfo().addKeyValue("user", token.getSubject()).log("Logged out");
                    announcer.nudge();
                })
                .thenReturn(ResponseEntity.noContent().build());
    }

    /** An administrator creates an organizer; the role is always ORGANIZER, so the body has no say in it. */
    @PostMapping("/api/auth/users")
    Mono<ResponseEntity<AccountController.AccountView>> create(@Valid @RequestBody NewOrganizer request,
            @AuthenticationPrincipal Jwt admin) {
        if (request.password().getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return Mono.error(new AuthErrors.FieldProblem("password", "must be at most 72 bytes"));
        }
        String username = Users.normalize(request.username());
        return Mono.fromCallable(() -> passwords.encode(request.password())).subscribeOn(Schedulers.boundedElastic())
                .flatMap(hash -> users.insert(User.create(username, hash, List.of(Users.ORGANIZER), Instant.now(),
                        admin.getSubject())))
                .doOnSuccess(user -> log.atInfo().addKeyValue("user", username).addKeyValue("by", admin.getSubject())
                        .log("Organizer created"))
                .map(user -> ResponseEntity.created(URI.create("/api/auth/users/" + user.username()))
                        .body(AccountController.AccountView.of(user)));
    }

    @GetMapping("/.well-known/jwks.json")
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
                .body(key.publicJwks());
    }

    private Mono<Boolean> checkPassword(String password, String hash) {
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return Mono.just(false);
        }
        return Mono.fromCallable(() -> passwords.matches(password, hash)).subscribeOn(Schedulers.boundedElastic());
    }

    record LoginRequest(@NotBlank @Size(max = 100) String username, @NotBlank @Size(max = 200) String password) {

        @Override
        public String toString() {
            return "LoginRequest[username=" + username + "]";
        }
    }

    /**
     * @param username 3 to 40 of a-z, 0-9, '.', '_' and '-', starting with a letter or digit
     * @param password 12 characters at least
     */
    record NewOrganizer(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,39}",
                    message = "must be 3 to 40 lower-case letters, digits, '.', '_' or '-'") String username,
            @NotBlank @Size(min = 12, max = 72) String password) {

        @Override
        public String toString() {
            return "NewOrganizer[username=" + username + "]";
        }
    }

    /**
     * @param currentPassword the password she logs in with now
     * @param newPassword     12 to 72 characters, not the current one
     */
    record PasswordChange(@NotBlank @Size(max = 200) String currentPassword,
            @NotBlank @Size(min = 12, max = 72) String newPassword) {

        @Override
        public String toString() {
            return "PasswordChange[******]";
        }
    }
}
