package org.convoy.notification.notice.sms;

import java.util.Map;

import org.convoy.notification.notice.phone.TwilioAccount;
import org.convoy.notification.notice.phone.TwilioMessagesApi;

/**
 * Sends texts through a Twilio-compatible Messages API ({@link TwilioMessagesApi}): {@code To}, {@code From},
 * {@code Body}.
 */
public class TwilioCompatibleSmsProvider implements SmsProvider {

    private final TwilioMessagesApi api;
    private final String from;

    public TwilioCompatibleSmsProvider(TwilioAccount account) {
        this.api = new TwilioMessagesApi("SMS provider", account);
        this.from = account.from();
    }

    @Override
    public String send(String to, String text) {
        return api.create(Map.of("To", to, "From", from, "Body", text));
    }
}
