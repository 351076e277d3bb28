package org.convoy.support.layeringfixture;

/** Code outside every layer that depends on nothing of the service, for {@code LayeringRulesTest}. */
public final class Clean {

    private Clean() {
    }
}
