package org.convoy.gateway.auth;

import java.time.Clock;
import java.util.List;

import org.convoy.events.OrganizerAccessEnded;
import org.convoy.gateway.auth.AuthErrors.AccountConflict;
import org.convoy.gateway.auth.AuthErrors.UnknownUser;
import org.convoy.gateway.auth.Users.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What administrators do to accounts and organizers to their own: disable, enable, limit to convoys, remove, change a
 * password. Whatever takes access away ends the account's tokens first ({@link EndedAccess}), then changes the
 * account: a change that fails half-way leaves her logged out, never still holding tokens she should not.
 *
 * <p>Administrators stay: nobody disables or removes herself, and the last administrator who can log in is never
 * disabled or removed. Without transactions two administrators could act on each other at once; each checks again
 * after its write and undoes it when no administrator is left.
 */
final class Accounts {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);

    private final Users users;
    private final EndedAccess ended;
    private final SessionAnnouncer announcer;
    private final Clock clock;

    Accounts(Users users, EndedAccess ended, SessionAnnouncer announcer, Clock clock) {
        this.users = users;
        this.ended = ended;
        this.announcer = announcer;
        this.clock = clock;
    }

    Flux<User> all() {
        return users.all();
    }

    /**
     * @param enabled null: as it is
     * @param convoys the convoys she is limited to, distinct and sorted; empty: every convoy
     */
    Mono<User> changeAccess(String actor, String username, Boolean enabled, List<String> convoys) {
        return users.find(username).switchIfEmpty(Mono.error(UnknownUser::new)).flatMap(user -> {
            boolean enable = enabled == null ? user.mayLogIn() : enabled;
            boolean disabling = user.mayLogIn() && !enable;
            boolean rescoping = !convoys.equals(user.convoysOrEvery());
            if (user.administrator() && !convoys.isEmpty()) {
                return Mono.error(new AccountConflict("Administrators see every convoy",
                        "An administrator's account cannot be limited to some convoys."));
            }
            if (disabling && username.equals(actor)) {
                return Mono.error(yourself());
            }
            if (!disabling && !rescoping && enable == user.mayLogIn()) {
                return Mono.just(user);
            }
            Mono<Void> guard = disabling && user.administrator() ? anotherAdministratorRemains() : Mono.empty();
            Mono<Void> ending = disabling || rescoping
                    ? end(username, disabling ? OrganizerAccessEnded.DISABLED : OrganizerAccessEnded.SCOPE_CHANGED)
                    : Mono.empty();
            return guard.then(ending)
                    .then(users.changeAccess(username, enable, convoys))
                    .switchIfEmpty(Mono.error(UnknownUser::new))
                    .flatMap(saved -> disabling && saved.administrator()
                            ? undoneUnlessAnAdministratorRemains(users.changeAccess(username, true, user.convoysOrEvery()))
                                    .thenReturn(saved)
                            : Mono.just(saved))
                    .doOnSuccess(saved -> log.atInfo().addKeyValue("user", username).addKeyValue("by", actor)
                            .addKeyValue("enabled", enable).addKeyValue("convoys", convoys).log("Account changed"));
        });
    }

    Mono<Void> remove(String actor, String username) {
        if (username.equals(actor)) {
            return Mono.error(yourself());
        }
        return users.find(username).switchIfEmpty(Mono.error(UnknownUser::new)).flatMap(user -> {
            boolean lastCheck = user.administrator() && user.mayLogIn();
            return (lastCheck ? anotherAdministratorRemains() : Mono.<Void>empty())
                    .then(end(username, OrganizerAccessEnded.REMOVED))
                    .then(users.delete(username))
                    .flatMap(deleted -> deleted ? Mono.<Void>empty() : Mono.error(new UnknownUser()))
                    .then(lastCheck ? undoneUnlessAnAdministratorRemains(users.insert(user)) : Mono.empty())
                    .doOnSuccess(done -> log.atInfo().addKeyValue("user", username).addKeyValue("by", actor)
                            .log("Account removed"));
        });
    }

    /** Saves her new password (already hashed) and ends every token she holds, this one too. */
    Mono<Void> changePassword(String username, String passwordHash) {
        return end(username, OrganizerAccessEnded.PASSWORD_CHANGED)
                .then(users.changePassword(username, passwordHash, clock.instant()))
                .doOnSuccess(done -> log.atInfo().addKeyValue("user", username).log("Password changed"));
    }

    private Mono<Void> end(String username, String reason) {
        return ended.end(username, reason).doOnSuccess(at -> announcer.nudge()).then();
    }

    /** Before disabling or removing an administrator who can log in: another one can. */
    private Mono<Void> anotherAdministratorRemains() {
        return users.enabledAdministrators().flatMap(count -> count > 1 ? Mono.<Void>empty() : Mono.error(last()));
    }

    /** After: if two such changes raced and no administrator is left, this one is undone and refused. */
    private Mono<Void> undoneUnlessAnAdministratorRemains(Mono<?> undo) {
        return users.enabledAdministrators().flatMap(count -> count > 0 ? Mono.<Void>empty()
                : undo.then(Mono.error(last())));
    }

    private static AccountConflict yourself() {
        return new AccountConflict("Not your own account",
                "An administrator cannot disable or remove her own account; another administrator can.");
    }

    private static AccountConflict last() {
        return new AccountConflict("Last administrator",
                "This is the last administrator who can log in; the platform would have none.");
    }
}
