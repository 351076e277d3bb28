package org.convoy.scheduling.edition;

public class UnknownConvoyException extends RuntimeException {

    public UnknownConvoyException(String convoyId) {
        super("There is no convoy " + convoyId + ".");
    }
}
