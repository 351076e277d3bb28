package org.convoy.registration.delegate.domain;

import java.util.Collection;

/** The closed lists a registration chooses from. Names are what the API and the events carry. */
public final class Vocabulary {

    private Vocabulary() {
    }

    public enum Language { es, en }

    public enum Role { MAYOR, STATE_REPRESENTATIVE, BUSINESS_DELEGATE, STAFF }

    /** How a delegate consents to receive notices. SMS is WhatsApp's fallback; both reach a mobile number. */
    public enum Channel {
        EMAIL, SMS, WHATSAPP;

        /** Whether this channel reaches the delegate's phone, which must then be one the platform may text. */
        public boolean texts() {
            return this == SMS || this == WHATSAPP;
        }

        /** Whether any of these channels sends messages to a phone. */
        public static boolean anyTexts(Collection<Channel> channels) {
            return channels != null && channels.stream().anyMatch(channel -> channel != null && channel.texts());
        }
    }

    /** What a delegate who chose texts without giving a phone is told, on the {@code phone} field. */
    public static final String PHONE_REQUIRED_FOR_TEXTS = "is required to receive SMS or WhatsApp messages";

    // Sectors and axes are shared with scheduling and live with the events: org.convoy.events.Sector and Axis.

    /** ISO 3166-2 codes of Mexico's 32 federal entities. */
    public static final String MEXICAN_STATE_PATTERN = "MX-(AGU|BCN|BCS|CAM|CHP|CHH|CMX|COA|COL|DUR|GUA|GRO|HID|JAL|MEX|MIC"
            + "|MOR|NAY|NLE|OAX|PUE|QUE|ROO|SLP|SIN|SON|TAB|TAM|TLA|VER|YUC|ZAC)";
}
