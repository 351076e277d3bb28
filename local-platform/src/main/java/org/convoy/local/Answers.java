package org.convoy.local;

import java.net.http.HttpResponse;

/** What the launcher's own clients (the benchmark, the fault suite) accept as an answer. */
final class Answers {

    private Answers() {
    }

    /** The answer, when its status is one of these; otherwise a {@link PlatformException} naming the call. */
    static HttpResponse<String> expect(HttpResponse<String> answer, int... statuses) {
        for (int status : statuses) {
            if (answer.statusCode() == status) {
                return answer;
            }
        }
        throw new PlatformException(answer.request().method() + " " + answer.uri() + " answered " + answer.statusCode()
                + ": " + answer.body());
    }
}
