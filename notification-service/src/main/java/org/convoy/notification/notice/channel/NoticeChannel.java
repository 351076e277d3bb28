package org.convoy.notification.notice.channel;

import java.util.Optional;

import org.convoy.notification.contact.domain.Contact;
import org.convoy.notification.notice.domain.Notice;

/**
 * A way to reach people: email, SMS, WhatsApp, each an adapter in its own package with its provider port. The
 * dispatcher ({@code NoticeDispatcher}) knows channels only through this interface: the sent-once ledger, retries,
 * dead letters, quiet hours, preferences and metrics work alike for every one of them. A channel is a Spring bean;
 * adding one adds a package and nothing else.
 */
public interface NoticeChannel {

    /** Its name as delegates choose it and the ledger keeps it: {@code EMAIL}, {@code SMS}, {@code WHATSAPP}. */
    String name();

    /**
     * LETTER channels carry every notice in full (subject, body, attachments); MESSAGE channels carry short texts on
     * a phone. A notice says which forms it takes (a reminder may go as a letter a day before and as a message two
     * hours before).
     */
    Form form();

    /** Where a person chose this channel, in which order channels are tried; lower first. */
    int order();

    /**
     * The channel a notice falls back to, once, when this one fails it for good and the person chose that one too;
     * meanwhile that channel carries nothing this one carries.
     */
    default Optional<String> fallback() {
        return Optional.empty();
    }

    /** Where this contact is reached on this channel; empty when she cannot be (no number, say). */
    Optional<String> address(Contact contact);

    /** Whether nothing may go to the address before the person confirmed it is hers (a phone number). */
    boolean needsConfirmedAddress();

    /** Whether a notice that can wait is held through the quiet hours of the person's night. */
    boolean waitsOutQuietHours();

    /**
     * The message this channel would send for this content, in the contact's language; empty when the channel does
     * not carry notices of this kind (no words for it, no approved template).
     */
    Optional<Notice.Message> compose(Content content, Contact contact, String address);

    /**
     * Hands one notice to the provider.
     *
     * @return the provider's id for it
     * @throws ChannelFailure.Transient when trying later may work
     * @throws ChannelFailure.Permanent when it never will
     * @throws ChannelFailure.OverBudget when the channel's spending limit is reached for now
     */
    String send(Notice notice);

    /** Forgets what the channel keeps about this contact (she was erased): messages kept locally, budgets counted. */
    default void forget(Contact contact) {
    }

    enum Form { LETTER, MESSAGE }
}
