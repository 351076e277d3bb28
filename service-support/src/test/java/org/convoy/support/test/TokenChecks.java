package org.convoy.support.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The same questions every organizer call of every service must answer the same way. */
public final class TokenChecks {

    private TokenChecks() {
    }

    /**
     * A GET that only organizers may make: without a token, or with one that is expired, altered, signed by another
     * key, from another issuer, or a delegate's personal link, it is 401 problem+json; with a token lacking the
     * ORGANIZER role 403; with an organizer's or an administrator's it is answered (2xx or 404).
     */
    public static void assertOrganizersOnly(String url) {
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("expired", TestTokens.expired());
        refused.put("altered", TestTokens.tamperedToAdmin());
        refused.put("signed by another key", TestTokens.signedByAnotherKey());
        refused.put("from another issuer", TestTokens.fromAnotherIssuer());
        refused.put("a personal link", "v1.6f1c1d9e-5b0b-4a43-9d0c-0d5c1f7a1b2c.4102444800.c2lnbmF0dXJl");
        assertProblem(Http.get(url), 401, "no token");
        refused.forEach((what, token) -> assertProblem(Http.get(url, token), 401, what));
        assertProblem(Http.get(url, TestTokens.token("someone", List.of("DELEGATE"))), 403, "no organizer role");
        for (String token : List.of(TestTokens.organizer(), TestTokens.admin())) {
            HttpResponse<String> answered = Http.get(url, token);
            assertThat(answered.statusCode()).as(answered.body()).isIn(200, 404);
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status, String what) {
        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(what).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }
}
