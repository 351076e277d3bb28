package org.convoy.support.layeringfixture.domain;

import org.convoy.support.layeringfixture.web.MeetingRequest;

/** Domain code that wrongly knows a web request type, for {@code LayeringRulesTest}. */
public record Meeting(String host) {

    public static Meeting from(MeetingRequest request) {
        return new Meeting(request.host());
    }
}
