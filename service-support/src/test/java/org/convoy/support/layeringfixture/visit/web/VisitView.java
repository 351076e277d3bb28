package org.convoy.support.layeringfixture.visit.web;

import org.convoy.support.layeringfixture.visit.Visits;

/** A view that calls back into its feature's service, for {@code LayeringRulesTest}. */
public record VisitView(String host) {

    public String shownBy(Visits visits) {
        return visits.show(this);
    }
}
