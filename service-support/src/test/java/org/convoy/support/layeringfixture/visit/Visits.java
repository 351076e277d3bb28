package org.convoy.support.layeringfixture.visit;

import org.convoy.support.layeringfixture.visit.web.VisitView;

/** A feature's service that knows its own web view, which knows it back: a cycle inside one feature. */
public class Visits {

    public String show(VisitView view) {
        return view.host();
    }
}
