package org.convoy.gateway.buckets;

import reactor.core.publisher.Mono;

/**
 * The token buckets of one limit, by key (a client address, a user name): each key may spend the limit's capacity at
 * once and regains one token every refill interval. None of these ever fails: a store that cannot be reached is
 * answered for from memory (see {@link BucketStore}).
 */
public interface Buckets {

    /** Takes one token. @return 0 when a token was taken, else how many milliseconds until the next one */
    Mono<Long> take(String key);

    /** How the key's bucket stands, taking nothing. */
    Mono<Standing> look(String key);

    /** Fills the key's bucket again. */
    Mono<Void> reset(String key);

    /**
     * @param waitMillis how long until a token is there; 0 when one is there now
     * @param refused    takes refused since the bucket last had a token; 0 when it has one
     */
    record Standing(long waitMillis, int refused) {

        static final Standing FULL = new Standing(0, 0);
    }
}
