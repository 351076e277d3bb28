package org.convoy.gateway.auth;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Organizer login.
 *
 * @param issuer        the {@code iss} of every token; services accept only this one
 * @param tokenLifetime how long a token works; short, because a service called around the gateway cannot know that
 *                      a token was revoked by a logout
 * @param signingKey    a PEM file (PKCS#8) with the RSA private key that signs tokens: read when it exists, else
 *                      made and written there. Empty: a new key at every start, so a restart ends every session
 * @param admin         the first administrator, created at start when no user has that name
 * @param loginThrottle how many failed logins a user name and a client address get
 * @param denyListMaxAge how long the logged-out tokens and ended access last read from the store are trusted when it
 *                      cannot be read again: within it, tokens are checked against that list; past it (or before the
 *                      list was ever read), a call with a token is answered 503 until the store answers, since a
 *                      logout recorded meanwhile by another gateway instance would not be known
 */
@Validated
@ConfigurationProperties("convoy.gateway.auth")
public record AuthProperties(
        @NotBlank @DefaultValue("convoy") String issuer,
        @NotNull @DefaultValue("15m") Duration tokenLifetime,
        @DefaultValue("") String signingKey,
        @Valid @NotNull @DefaultValue Admin admin,
        @Valid @NotNull @DefaultValue LoginThrottle loginThrottle,
        @NotNull @DefaultValue("60s") Duration denyListMaxAge) {

    /**
     * @param username {@code CONVOY_ADMIN_USERNAME}; empty: no administrator is created
     * @param password {@code CONVOY_ADMIN_PASSWORD}; never logged
     */
    public record Admin(@DefaultValue("") String username, @DefaultValue("") String password) {

        boolean configured() {
            return !username.isBlank() && !password.isBlank();
        }

        @Override
        public String toString() {
            return "Admin[username=" + username + ", password=" + (password.isEmpty() ? "" : "******") + "]";
        }
    }

    /**
     * @param perUserAndAddress failed logins one client address may have for one user name before it is refused
     * @param perAddress        failed logins one client address may have, whatever the user names, before it is refused
     * @param perUser           failed logins a user name may have from all addresses before its logins are slowed
     *                          (never refused: that would let anyone lock the real user out)
     * @param refillEvery       each of them regains one try after this long
     * @param firstDelay        how long the first login past {@code perUser} is held; it doubles with each further failure
     * @param maxDelay          the longest a login is held
     */
    public record LoginThrottle(
            @Min(1) @DefaultValue("5") int perUserAndAddress,
            @Min(1) @DefaultValue("20") int perAddress,
            @Min(1) @DefaultValue("10") int perUser,
            @NotNull @DefaultValue("1m") Duration refillEvery,
            @NotNull @DefaultValue("500ms") Duration firstDelay,
            @NotNull @DefaultValue("5s") Duration maxDelay) {
    }
}
