package org.convoy.scheduling.hostpage;

import org.convoy.support.problem.Refusal;

/** A host link's code or a host session that is not one scheduling made (401), or no longer works (410). */
public class LinkNotValidException extends Refusal {

    private LinkNotValidException(Kind kind, String title, String detail) {
        super(kind, title, detail);
    }

    static LinkNotValidException unknownCode() {
        return new LinkNotValidException(Kind.UNAUTHORIZED, "Link not valid", "This link is not one the platform "
                + "sent, or a newer link replaced it. Ask the convoy's organizers for a new one.");
    }

    static LinkNotValidException usedUp() {
        return new LinkNotValidException(Kind.GONE, "Link no longer valid", "This link was opened already, has "
                + "expired or was withdrawn by the organizers: each link opens once. Ask them for a new one.");
    }

    static LinkNotValidException noSession() {
        return new LinkNotValidException(Kind.UNAUTHORIZED, "Unauthorized", "The host page needs a current session "
                + "(header " + HostLinks.HEADER + "): open your personal link again or ask the organizers for a new one.");
    }
}
