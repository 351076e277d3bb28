package org.convoy.notification.notice.whatsapp;

import java.text.MessageFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.convoy.notification.contact.domain.Contact;
import org.convoy.notification.notice.channel.ChannelFailure;
import org.convoy.notification.notice.channel.Content;
import org.convoy.notification.notice.channel.NoticeChannel;
import org.convoy.notification.notice.domain.Notice;
import org.convoy.notification.notice.phone.PhoneBudget;
import org.convoy.notification.notice.sms.SmsChannel;
import org.convoy.support.sms.TextDestinations;
import org.springframework.context.MessageSource;

/**
 * The WhatsApp channel: template messages to the mobile number of those who chose WhatsApp, once the number is
 * confirmed, never in their quiet hours unless urgent. The words are {@code <kind>.whatsapp} in the person's language,
 * which is the text of the template approved at the provider for that kind and language; the template's variables
 * {@code {{1}}}, {@code {{2}}} … are the values the words show, in the order they first appear. A kind without words
 * or without an approved template does not go by WhatsApp. When WhatsApp fails a notice for good (the number is not
 * on WhatsApp, the message was refused) it falls back to SMS, if she chose SMS too. Own limits: destinations and
 * hourly budgets.
 */
public class WhatsAppChannel implements NoticeChannel {

    public static final String NAME = "WHATSAPP";

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    private final WhatsAppProvider provider;
    private final MessageSource messages;
    private final TextDestinations destinations;
    private final PhoneBudget budget;

    WhatsAppChannel(WhatsAppProvider provider, MessageSource messages, TextDestinations destinations,
            PhoneBudget budget) {
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
        return 10;
    }

    @Override
    public Optional<String> fallback() {
        return Optional.of(SmsChannel.NAME);
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
        Locale locale = Locale.forLanguageTag(contact.language());
        String key = content.kind() + ".whatsapp";
        String pattern = messages.getMessage(key, null, null, locale);
        Optional<String> template = provider.template(content.kind(), locale.getLanguage());
        if (pattern == null || template.isEmpty()) {
            return Optional.empty();
        }
        String text = messages.getMessage(key, content.args(), locale);
        return Optional.of(new Notice.Message(address, "", text, null, null, null,
                new Notice.Template(template.get(), locale.getLanguage(), variables(pattern, content.args(), locale))));
    }

    /**
     * The values the words show, in the order they first appear, each formatted as in the words and on one line
     * (WhatsApp refuses line breaks and empty values in a template's variables).
     */
    static List<String> variables(String pattern, Object[] args, Locale locale) {
        List<Integer> order = new ArrayList<>();
        Matcher argument = ARGUMENT.matcher(pattern.replace("''", ""));
        while (argument.find()) {
            int index = Integer.parseInt(argument.group(1));
            if (!order.contains(index)) {
                order.add(index);
            }
        }
        List<String> values = new ArrayList<>();
        for (int index : order) {
            Object value = index < args.length ? args[index] : "";
            String formatted = value instanceof Number ? new MessageFormat("{0}", locale).format(new Object[] { value })
                    : String.valueOf(value);
            String line = formatted.strip().replaceAll("\\s*\\R\\s*", " · ").replaceAll(" {4,}", "   ");
            values.add(line.isEmpty() ? "—" : line); // a template's variable may not be empty
        }
        return values;
    }

    @Override
    public String send(Notice notice) {
        String to = notice.message().to();
        if (!destinations.allows(to)) {
            throw new ChannelFailure.Permanent("Not a number the platform may message on WhatsApp ("
                    + destinations.refusal() + ")");
        }
        if (notice.message().template() == null) {
            throw new ChannelFailure.Permanent("No approved template for this notice");
        }
        Optional<Instant> nextHour = budget.holdUntil(to);
        if (nextHour.isPresent()) {
            throw new ChannelFailure.OverBudget("The hourly WhatsApp budget is spent; sent in the next hour",
                    nextHour.get());
        }
        return provider.send(to, notice.message().template(), notice.message().text());
    }

    @Override
    public void forget(Contact contact) {
        if (contact.phone() != null) {
            budget.forget(contact.phone());
            if (provider instanceof LocalWhatsAppProvider local) {
                local.forget(contact.phone());
            }
        }
    }
}
