package org.convoy.registration.delegate.domain;

import org.convoy.support.problem.Refusal;

/** The code of a personal link is unknown, expired, already used, or was replaced by a newer link. */
public class LinkNotValidException extends Refusal {

    public LinkNotValidException() {
        super(Kind.UNAUTHORIZED, "Link not valid",
                "This personal link is no longer valid: each link opens once, for a few days, and a newer one replaces "
                        + "it. Ask for a new link with your email address.");
    }
}
