package org.convoy.notification.notice.phone;

import java.time.Instant;
import java.util.Optional;

import org.convoy.notification.contact.domain.Contact;
import org.convoy.notification.notice.channel.ChannelFailure;
import org.convoy.notification.notice.channel.NoticeChannel;
import org.convoy.notification.notice.domain.Notice;
import org.convoy.support.sms.TextDestinations;

/**
 * What every channel that sends short messages to a mobile number shares (SMS, WhatsApp): the number is the address,
 * nothing goes to it before the person confirmed it, messages that can wait are held through her quiet hours, only
 * numbers the channel may reach ({@link TextDestinations}) and within its hourly budgets ({@link PhoneBudget}).
 */
public abstract class PhoneChannel implements NoticeChannel {

    private final String called;
    private final TextDestinations destinations;
    private final PhoneBudget budget;

    /** @param called the channel as people name it in the delivery log: "SMS", "WhatsApp" */
    protected PhoneChannel(String called, TextDestinations destinations, PhoneBudget budget) {
        this.called = called;
        this.destinations = destinations;
        this.budget = budget;
    }

    @Override
    public final Form form() {
        return Form.MESSAGE;
    }

    @Override
    public final Optional<String> address(Contact contact) {
        return Optional.ofNullable(contact.phone());
    }

    @Override
    public final boolean needsConfirmedAddress() {
        return true;
    }

    @Override
    public final boolean waitsOutQuietHours() {
        return true;
    }

    @Override
    public final String send(Notice notice) {
        String to = notice.message().to();
        if (!destinations.allows(to)) {
            throw new ChannelFailure.Permanent("Not a number the platform may reach by " + called + " ("
                    + destinations.refusal() + ")");
        }
        Optional<Instant> nextHour = budget.holdUntil(to);
        if (nextHour.isPresent()) {
            throw new ChannelFailure.OverBudget("The hourly " + called + " budget is spent; sent in the next hour",
                    nextHour.get());
        }
        return deliver(to, notice.message());
    }

    /** Hands the message to the provider, once the number and the budget allow it. */
    protected abstract String deliver(String to, Notice.Message message);

    @Override
    public final void forget(Contact contact) {
        if (contact.phone() != null) {
            budget.forget(contact.phone());
            forgetKept(contact.phone());
        }
    }

    /** Forgets the messages a local adapter kept for this number. */
    protected abstract void forgetKept(String phone);
}
