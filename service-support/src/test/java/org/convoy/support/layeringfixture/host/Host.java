package org.convoy.support.layeringfixture.host;

import org.convoy.support.layeringfixture.meeting.Meetings;

/** A host that asks the meeting feature about itself, while meetings know hosts: a package cycle, for {@code LayeringRulesTest}. */
public record Host(String id) {

    public boolean busy(Meetings meetings) {
        return meetings.with(this);
    }
}
