package org.convoy.notification.notice.whatsapp;

import java.util.Optional;

import org.convoy.notification.notice.domain.Notice;

/** The WhatsApp channel's provider port: sends one template message to one number. */
public interface WhatsAppProvider {

    /**
     * The id of the provider's approved template for this kind of notice in this language; empty when there is none
     * (the notice then does not go by WhatsApp).
     */
    Optional<String> template(String kind, String language);

    /**
     * @param to       the number in E.164, without {@code whatsapp:}
     * @param template the approved template and its variables
     * @param text     the same words as the template filled in, for the local adapter and the delivery log
     * @return the provider's id for the message
     * @throws org.convoy.notification.notice.channel.ChannelFailure.Transient when trying later may work
     * @throws org.convoy.notification.notice.channel.ChannelFailure.Permanent when it never will (the number is not on
     *         WhatsApp, the template is not approved)
     */
    String send(String to, Notice.Template template, String text);
}
