package org.convoy.support.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Tokens that speak for one person without a password, for one purpose, until they expire. */
class SignedTokensTest {

    private static final String SECRET = "a-secret-of-at-least-thirty-two-characters";
    private final Clock clock = Clock.fixed(Instant.parse("2023-02-01T00:00:00Z"), ZoneOffset.UTC);
    private final UUID maria = UUID.randomUUID();

    @Test
    void anExpiringTokenSpeaksForItsPersonUntilItsEnd() {
        SignedTokens links = SignedTokens.expiring("v1", SECRET, clock);
        String token = links.token(maria, clock.instant().plusSeconds(3600));

        assertThat(links.verify(token)).contains(maria);
        assertThat(SignedTokens.expiring("v1", SECRET, Clock.offset(clock, Duration.ofSeconds(3599))).verify(token))
                .contains(maria);
        assertThat(SignedTokens.expiring("v1", SECRET, Clock.offset(clock, Duration.ofSeconds(3601))).verify(token))
                .isEmpty();
    }

    @Test
    void aLastingTokenHasNoEnd() {
        SignedTokens preferences = SignedTokens.lasting("p1", SECRET);

        assertThat(preferences.verify(preferences.token(maria))).contains(maria);
    }

    @Test
    void aTokenMadeForOnePurposeOpensNoOtherEvenUnderTheSameSecret() {
        String preferencesToken = SignedTokens.lasting("p1", SECRET).token(maria);
        String personalLink = SignedTokens.expiring("v1", SECRET, clock).token(maria, clock.instant().plusSeconds(60));

        assertThat(SignedTokens.expiring("v1", SECRET, clock).verify(preferencesToken)).isEmpty();
        assertThat(SignedTokens.lasting("p1", SECRET).verify(personalLink)).isEmpty();
        assertThat(SignedTokens.lasting("p2", SECRET).verify(preferencesToken)).isEmpty();
    }

    @Test
    void anAlteredForgedOrMalformedTokenSpeaksForNobody() {
        SignedTokens links = SignedTokens.expiring("v1", SECRET, clock);
        String token = links.token(maria, clock.instant().plusSeconds(3600));
        String otherDelegate = token.replace(maria.toString(), UUID.randomUUID().toString());
        String laterExpiry = token.replaceFirst("\\.(\\d+)\\.", "." + (clock.instant().getEpochSecond() + 999_999) + ".");
        String forged = SignedTokens.expiring("v1", "another-secret-of-thirty-two-characters", clock)
                .token(maria, clock.instant().plusSeconds(3600));

        assertThat(links.verify(otherDelegate)).isEmpty();
        assertThat(links.verify(laterExpiry)).isEmpty();
        assertThat(links.verify(forged)).isEmpty();
        assertThat(links.verify(null)).isEmpty();
        assertThat(links.verify("")).isEmpty();
        assertThat(links.verify("v1.not-a-uuid.1.sig")).isEmpty();
        assertThat(links.verify(token + ".extra")).isEmpty();
    }

    @Test
    void aDelegatesSessionAndHerCalendarTokenEachOpenOnlyWhatTheyAreFor() {
        PersonalLinks links = new PersonalLinks(SECRET, clock);
        String session = links.session(maria, clock.instant().plusSeconds(3600));
        String calendar = links.calendar(maria);

        assertThat(links.verifySession(session)).contains(maria);
        assertThat(links.verifyCalendar(calendar)).contains(maria);
        assertThat(links.verifySession(calendar)).as("a calendar token opens no session").isEmpty();
        assertThat(links.verifyCalendar(session)).isEmpty();
    }
}
