package org.convoy.registration.delegate.domain;

/** The closed lists a registration chooses from. Names are what the API and the events carry. */
public final class Vocabulary {

    private Vocabulary() {
    }

    public enum Language { es, en }

    public enum Role { MAYOR, STATE_REPRESENTATIVE, BUSINESS_DELEGATE, STAFF }

    public enum Channel { EMAIL, SMS }

    // Sectors and axes are shared with scheduling and live with the events: org.convoy.events.Sector and Axis.

    /** ISO 3166-2 codes of Mexico's 32 federal entities. */
    public static final String MEXICAN_STATE_PATTERN = "MX-(AGU|BCN|BCS|CAM|CHP|CHH|CMX|COA|COL|DUR|GUA|GRO|HID|JAL|MEX|MIC"
            + "|MOR|NAY|NLE|OAX|PUE|QUE|ROO|SLP|SIN|SON|TAB|TAM|TLA|VER|YUC|ZAC)";
}
