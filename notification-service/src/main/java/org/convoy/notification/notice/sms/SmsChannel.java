package org.convoy.notification.notice.sms;

import java.util.Locale;
import java.util.Optional;

import org.convoy.notification.contact.domain.Contact;
import org.convoy.notification.notice.channel.ChannelFailure;
import org.convoy.notification.notice.channel.Content;
import org.convoy.notification.notice.channel.NoticeChannel;
import org.convoy.notification.notice.domain.Notice;
import org.convoy.notification.notice.phone.PhoneBudget;
import org.convoy.support.sms.TextDestinations;
import org.springframework.context.MessageSource;

/**
 * The SMS channel: short texts ({@code <kind>.sms} in the person's language; a kind without one is not texted) to the
 * mobile number of those who chose SMS, once the number is confirmed, never in their quiet hours unless urgent. Only
 * numbers the platform may text ({@link TextDestinations}) and within the hourly budgets ({@link PhoneBudget}).
 */
public class SmsChannel implements NoticeChannel {

    public static final String NAME = "SMS";

    private final SmsProvider provider;
    private final MessageSource messages;
    private final TextDestinations destinations;
    private final PhoneBudget budget;

    SmsChannel(SmsProvider provider, MessageSource messages, TextDestinations destinations, PhoneBudget budget) {
        this.provider = provider;
        this.messages = messages;
        this.destinations = destinations;
        this.budget = budget;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Form form() {
        return Form.MESSAGE;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Optional<String> address(Contact contact) {
        return Optional.ofNullable(contact.phone());
    }

    @Override
    public boolean needsConfirmedAddress() {
        return true;
    }

    @Override
    public boolean waitsOutQuietHours() {
        return true;
    }

    @Override
    public Optional<Notice.Message> compose(Content content, Contact contact, String address) {
        return Optional.ofNullable(messages.getMessage(content.kind() + ".sms", content.args(), null,
                Locale.forLanguageTag(contact.language()))).map(text -> new Notice.Message(address, "", text));
    }

    @Override
    public String send(Notice notice) {
        String to = notice.message().to();
        if (!destinations.allows(to)) {
            throw new ChannelFailure.Permanent("Not a number the platform may text (" + destinations.refusal() + ")");
        }
        Optional<java.time.Instant> nextHour = budget.holdUntil(to);
        if (nextHour.isPresent()) {
            throw new ChannelFailure.OverBudget("The hourly texting budget is spent; sent in the next hour",
                    nextHour.get());
        }
        return provider.send(to, notice.message().text());
    }

    @Override
    public void forget(Contact contact) {
        if (contact.phone() != null) {
            budget.forget(contact.phone());
            if (provider instanceof LocalSmsProvider local) {
                local.forget(contact.phone());
            }
        }
    }
}
