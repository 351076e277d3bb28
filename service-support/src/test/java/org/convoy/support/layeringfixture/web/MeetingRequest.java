package org.convoy.support.layeringfixture.web;

/** A request type of a made-up service, for {@code LayeringRulesTest}. */
public record MeetingRequest(String host) {
}
