package org.convoy.gateway.auth;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.convoy.gateway.auth.Users.User;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/**
 * Administrators manage organizers' accounts: list them, disable and enable them, limit them to some convoys, remove
 * them. Every path here needs the ADMIN role (see {@link GatewaySecurity}).
 */
@RestController
class AccountController {

    /** A convoy id as the services write them: lower case, digits and '-', 3 to 60 characters. */
    static final String CONVOY_ID = "[a-z0-9][a-z0-9-]{2,59}";
    static final int MAX_CONVOYS = 100;

    private final Accounts accounts;

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/api/auth/users")
    Mono<ResponseEntity<List<AccountView>>> all() {
        return accounts.all().map(AccountView::of).collectList()
                .map(views -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(views));
    }

    /**
     * Sets whether the account may log in and which convoys it is limited to. Disabling it, or changing its convoys,
     * ends every token it holds.
     */
    @PutMapping("/api/auth/users/{username}")
    Mono<ResponseEntity<AccountView>> change(@PathVariable String username, @Valid @RequestBody AccessChange change,
            @AuthenticationPrincipal Jwt admin) {
        return accounts.changeAccess(admin.getSubject(), Users.normalize(username), change.enabled(), change.scope())
                .map(user -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(AccountView.of(user)));
    }

    /** Removes the account and ends every token it holds. */
    @DeleteMapping("/api/auth/users/{username}")
    Mono<ResponseEntity<Void>> remove(@PathVariable String username, @AuthenticationPrincipal Jwt admin) {
        return accounts.remove(admin.getSubject(), Users.normalize(username))
                .thenReturn(ResponseEntity.noContent().build());
    }

    /**
     * @param enabled whether the account may log in; absent: as it is
     * @param convoys the convoys an organizer may see (services answer others as unknown); empty or absent: every convoy
     */
    record AccessChange(Boolean enabled,
            @Size(max = MAX_CONVOYS) List<@NotNull @Pattern(regexp = CONVOY_ID,
                    message = "must be a convoy id: 3 to 60 lower-case letters, digits or '-'") String> convoys) {

        List<String> scope() {
            return convoys == null ? List.of() : convoys.stream().distinct().sorted().toList();
        }
    }

    /** An account as administrators see it; never its password hash. */
    record AccountView(String username, List<String> roles, boolean enabled, List<String> convoys, Instant createdAt) {

        static AccountView of(User user) {
            return new AccountView(user.username(), user.roles(), user.mayLogIn(), user.convoysOrEvery(),
                    user.createdAt());
        }
    }
}
