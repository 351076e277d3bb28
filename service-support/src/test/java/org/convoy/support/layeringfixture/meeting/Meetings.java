package org.convoy.support.layeringfixture.meeting;

import org.convoy.support.layeringfixture.host.Host;

/** The meeting feature, which rightly knows hosts, for {@code LayeringRulesTest}. */
public class Meetings {

    public boolean with(Host host) {
        return host.id().isEmpty();
    }
}
