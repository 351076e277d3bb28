package org.convoy.notification.notice.sms;

import java.util.Map;

import org.convoy.notification.notice.phone.TwilioMessagesApi;

/** Sends texts through a Twilio-compatible Messages API ({@link TwilioMessagesApi}): {@code To}, {@code From}, {@code Body}. */
public class TwilioCompatibleSmsProvider implements SmsProvider {

    private final TwilioMessagesApi api;
    private final String from;

    public TwilioCompatibleSmsProvider(SmsProperties.Twilio settings) {
        this.api = new TwilioMessagesApi("SMS provider", new TwilioMessagesApi.Settings(settings.baseUrl(),
                settings.accountSid(), settings.authToken(), settings.timeout()));
        this.from = settings.from();
    }

    @Override
    public String send(String to, String text) {
        return api.create(Map.of("To", to, "From", from, "Body", text));
    }
}
