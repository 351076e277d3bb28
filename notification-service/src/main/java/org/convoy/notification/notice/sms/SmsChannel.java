package org.convoy.notification.notice.sms;

import java.util.Locale;
import java.util.Optional;

import org.convoy.notification.contact.domain.Contact;
import org.convoy.notification.notice.channel.Content;
import org.convoy.notification.notice.domain.Notice;
import org.convoy.notification.notice.phone.PhoneBudget;
import org.convoy.notification.notice.phone.PhoneChannel;
import org.convoy.support.sms.TextDestinations;
import org.springframework.context.MessageSource;

/**
 * The SMS channel: short texts ({@code <kind>.sms} in the person's language; a kind without one is not texted) to the
 * mobile number of those who chose SMS, with what every phone channel keeps ({@link PhoneChannel}: a confirmed
 * number, quiet hours, destinations and hourly budgets).
 */
public class SmsChannel extends PhoneChannel {

    public static final String NAME = "SMS";

    private final SmsProvider provider;
    private final MessageSource messages;

    SmsChannel(SmsProvider provider, MessageSource messages, TextDestinations destinations, PhoneBudget budget) {
        super("SMS", destinations, budget);
        this.provider = provider;
        this.messages = messages;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Optional<Notice.Message> compose(Content content, Contact contact, String address) {
        return Optional.ofNullable(messages.getMessage(content.kind() + ".sms", content.args(), null,
                Locale.forLanguageTag(contact.language()))).map(text -> new Notice.Message(address, "", text));
    }

    @Override
    protected String deliver(String to, Notice.Message message) {
        return provider.send(to, message.text());
    }

    @Override
    protected void forgetKept(String phone) {
        if (provider instanceof LocalSmsProvider local) {
            local.forget(phone);
        }
    }
}
