package org.convoy.gateway.auth;

import java.time.Clock;
import java.time.Duration;

import org.convoy.gateway.buckets.BucketStore;
import org.convoy.gateway.buckets.Buckets;

import reactor.core.publisher.Mono;

/**
 * Slows down password guessing without letting anyone lock a real user out. A failed login spends a try of its
 * (user name, client address) pair and of its address: when either has none left, that pair or that address is
 * refused with 429 before the password is even checked, whether the user exists or not. A user name also has a budget
 * across all addresses; past it, logins for that user are not refused but slowed, more the more it is overdrawn (up to
 * {@code maxDelay}), so guessing from many addresses gets slow while the real user, from an address that has not been
 * guessing, still gets in. A successful login gives the user name, from that address, its tries back.
 *
 * <p>Counted in the {@link BucketStore}: shared by every gateway instance when Redis is configured, so guesses spread
 * over the instances add up; in this instance's memory otherwise, and while Redis is away (logins keep working, and
 * each instance still throttles what it sees).
 */
final class LoginThrottle {

    private final Buckets pairs;
    private final Buckets addresses;
    private final Buckets users;
    private final Duration firstDelay;
    private final Duration maxDelay;

    LoginThrottle(AuthProperties.LoginThrottle limits, Clock clock) {
        this(limits, BucketStore.inMemory(clock));
    }

    LoginThrottle(AuthProperties.LoginThrottle limits, BucketStore store) {
        this.pairs = store.buckets("login-user-address", limits.perUserAndAddress(), limits.refillEvery());
        this.addresses = store.buckets("login-address", limits.perAddress(), limits.refillEvery());
        this.users = store.buckets("login-user", limits.perUser(), limits.refillEvery());
        this.firstDelay = limits.firstDelay();
        this.maxDelay = limits.maxDelay();
    }

    /**
     * @param refuseForMillis 0 when the login may be tried, else how long this address (for this user) must wait
     * @param delayMillis     how long to hold the attempt before checking the password
     */
    record Decision(long refuseForMillis, long delayMillis) {
    }

    Mono<Decision> before(String username, String address) {
        return Mono.zip(pairs.look(pair(username, address)), addresses.look(address), users.look(username))
                .map(standings -> {
                    long refuse = Math.max(standings.getT1().waitMillis(), standings.getT2().waitMillis());
                    if (refuse > 0) {
                        return new Decision(refuse, 0);
                    }
                    Buckets.Standing user = standings.getT3();
                    if (user.waitMillis() == 0) {
                        return new Decision(0, 0);
                    }
                    long delay = firstDelay.toMillis() << Math.min(user.refused(), 16);
                    return new Decision(0, Math.min(delay, maxDelay.toMillis()));
                });
    }

    Mono<Void> failed(String username, String address) {
        return Mono.when(pairs.take(pair(username, address)), addresses.take(address), users.take(username));
    }

    Mono<Void> succeeded(String username, String address) {
        return Mono.when(pairs.reset(pair(username, address)), users.reset(username));
    }

    private static String pair(String username, String address) {
        return username + "\u0000" + address;
    }
}
