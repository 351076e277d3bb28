package org.convoy.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.convoy.gateway.web.TokenBuckets;

/**
 * Slows down password guessing without letting anyone lock a real user out. A failed login spends a try of its
 * (user name, client address) pair and of its address: when either has none left, that pair or that address is
 * refused with 429 before the password is even checked, whether the user exists or not. A user name also has a budget
 * across all addresses; past it, logins for that user are not refused but slowed, more the more it is overdrawn (up to
 * {@code maxDelay}), so guessing from many addresses gets slow while the real user, from an address that has not been
 * guessing, still gets in. A successful login gives the user name, from that address, its tries back. In memory, per
 * gateway instance.
 */
final class LoginThrottle {

    private final TokenBuckets pairs;
    private final TokenBuckets addresses;
    private final TokenBuckets users;
    private final Map<String, Integer> overdrawn = new ConcurrentHashMap<>();
    private final Duration firstDelay;
    private final Duration maxDelay;

    LoginThrottle(AuthProperties.LoginThrottle limits, Clock clock) {
        this.pairs = new TokenBuckets(limits.perUserAndAddress(), limits.refillEvery(), clock);
        this.addresses = new TokenBuckets(limits.perAddress(), limits.refillEvery(), clock);
        this.users = new TokenBuckets(limits.perUser(), limits.refillEvery(), clock);
        this.firstDelay = limits.firstDelay();
        this.maxDelay = limits.maxDelay();
    }

    /**
     * @param refuseForMillis 0 when the login may be tried, else how long this address (for this user) must wait
     * @param delayMillis     how long to hold the attempt before checking the password
     */
    record Decision(long refuseForMillis, long delayMillis) {
    }

    Decision before(String username, String address) {
        long refuse = Math.max(pairs.waitFor(pair(username, address)), addresses.waitFor(address));
        if (refuse > 0) {
            return new Decision(refuse, 0);
        }
        if (users.waitFor(username) == 0) {
            overdrawn.remove(username);
            return new Decision(0, 0);
        }
        int times = overdrawn.getOrDefault(username, 0);
        long delay = firstDelay.toMillis() << Math.min(times, 16);
        return new Decision(0, Math.min(delay, maxDelay.toMillis()));
    }

    void failed(String username, String address) {
        pairs.take(pair(username, address));
        addresses.take(address);
        if (users.take(username) > 0) {
            overdrawn.merge(username, 1, Integer::sum);
        }
    }

    void succeeded(String username, String address) {
        pairs.reset(pair(username, address));
        users.reset(username);
        overdrawn.remove(username);
    }

    private static String pair(String username, String address) {
        return username + "\u0000" + address;
    }
}
