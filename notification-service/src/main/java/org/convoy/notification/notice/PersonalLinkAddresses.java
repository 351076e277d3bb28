package org.convoy.notification.notice;

import java.util.UUID;

import org.convoy.notification.NotificationProperties;
import org.convoy.support.links.LinkCodes;
import org.convoy.support.links.PublicAddress;
import org.springframework.stereotype.Component;

/**
 * The address of a delegate's (or a host contact's) personal link, made for its email from the nonce the link event carries: only here,
 * with the link secret, does the one-time code exist outside the delegate's inbox.
 */
@Component
class PersonalLinkAddresses {

    private final LinkCodes codes;
    private final PublicAddress address;

    PersonalLinkAddresses(NotificationProperties properties) {
        this.codes = new LinkCodes(properties.linkSecret());
        this.address = new PublicAddress(properties.publicBaseUrl());
    }

    String of(UUID delegateId, String nonce) {
        return address.of("/registration#code=" + codes.code(delegateId, nonce));
    }

    /** A host contact's link to the host page. */
    String ofHostContact(UUID contactId, String nonce) {
        return address.of("/host#code=" + codes.code(contactId, nonce));
    }
}
