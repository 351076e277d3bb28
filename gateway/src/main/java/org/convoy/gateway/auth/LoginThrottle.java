package org.convoy.gateway.auth;

import java.time.Clock;

import org.convoy.gateway.web.TokenBuckets;

/**
 * Slows down password guessing: each failed login spends a try of the user name and of the client address. When
 * either has none left, logins for it are refused with 429 before the password is even checked, whether the user
 * exists or not, so the answer tells nothing about who has an account. A successful login gives the user name its
 * tries back. In memory, per gateway instance.
 */
final class LoginThrottle {

    private final TokenBuckets users;
    private final TokenBuckets addresses;

    LoginThrottle(AuthProperties.LoginThrottle limits, Clock clock) {
        this.users = new TokenBuckets(limits.perUser(), limits.refillEvery(), clock);
        this.addresses = new TokenBuckets(limits.perAddress(), limits.refillEvery(), clock);
    }

    /** @return 0 when a login may be tried now, else milliseconds to wait */
    long waitBefore(String username, String address) {
        return Math.max(users.waitFor(username), addresses.waitFor(address));
    }

    void failed(String username, String address) {
        users.take(username);
        addresses.take(address);
    }

    void succeeded(String username) {
        users.reset(username);
    }
}
