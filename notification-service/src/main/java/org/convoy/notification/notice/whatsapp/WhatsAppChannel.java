package org.convoy.notification.notice.whatsapp;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.convoy.notification.contact.domain.Contact;
import org.convoy.notification.notice.channel.ChannelFailure;
import org.convoy.notification.notice.channel.Content;
import org.convoy.notification.notice.domain.Notice;
import org.convoy.notification.notice.phone.PhoneBudget;
import org.convoy.notification.notice.phone.PhoneChannel;
import org.convoy.notification.notice.sms.SmsChannel;
import org.convoy.support.sms.TextDestinations;
import org.springframework.context.MessageSource;

/**
 * The WhatsApp channel: template messages to the mobile number of those who chose WhatsApp, once the number is
 * confirmed, never in their quiet hours unless urgent ({@link PhoneChannel}). The words are {@code <kind>.whatsapp} in
 * the person's language, which is the text of the template approved at the provider for that kind and language; the
 * template's variables {@code {{1}}}, {@code {{2}}} … are the values the words show, in the order they first appear.
 * A kind without words or without an approved template does not go by WhatsApp. When WhatsApp fails a notice for good
 * (the number is not on WhatsApp, the message was refused or not delivered) it falls back to SMS, if she chose SMS
 * too. Its own limits: destinations and hourly budgets.
 */
public class WhatsAppChannel extends PhoneChannel {

    public static final String NAME = "WHATSAPP";

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    private final WhatsAppProvider provider;
    private final MessageSource messages;

    WhatsAppChannel(WhatsAppProvider provider, MessageSource messages, TextDestinations destinations,
            PhoneBudget budget) {
        super("WhatsApp", destinations, budget);
        this.provider = provider;
        this.messages = messages;
    }

    @Override
    public String name() {
        return NAME;
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
    protected String deliver(String to, Notice.Message message) {
        if (message.template() == null) {
            throw new ChannelFailure.Permanent("No approved template for this notice");
        }
        return provider.send(to, message.template(), message.text());
    }

    @Override
    protected void forgetKept(String phone) {
        if (provider instanceof LocalWhatsAppProvider local) {
            local.forget(phone);
        }
    }
}
