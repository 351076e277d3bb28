package org.convoy.notification.notice.whatsapp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.convoy.notification.notice.domain.Notice;
import org.convoy.notification.notice.phone.TwilioMessagesApi;

/**
 * Sends WhatsApp template messages through a Twilio-compatible Messages API ({@link TwilioMessagesApi}):
 * {@code To} and {@code From} as {@code whatsapp:+52…}, {@code ContentSid} the approved template,
 * {@code ContentVariables} its variables as JSON ({@code {"1":"Ana","2":"…"}}), {@code StatusCallback} where it
 * reports what became of the message ({@link StatusReports}). A number not on WhatsApp is refused with a 4xx:
 * permanent; a message taken and not delivered later is reported to the callback.
 */
public class TwilioCompatibleWhatsAppProvider implements WhatsAppProvider {

    private final TwilioMessagesApi api;
    private final String from;
    private final String statusCallback;
    private final Map<String, Map<String, String>> templates;

    public TwilioCompatibleWhatsAppProvider(WhatsAppProperties properties) {
        this.api = new TwilioMessagesApi("WhatsApp provider", properties.twilio());
        this.from = properties.twilio().from();
        this.statusCallback = properties.statusCallbackUrl();
        this.templates = properties.templates();
    }

    @Override
    public Optional<String> template(String kind, String language) {
        return Optional.ofNullable(templates.getOrDefault(kind, Map.of()).get(language));
    }

    @Override
    public String send(String to, Notice.Template template, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", "whatsapp:" + to);
        form.put("From", "whatsapp:" + from);
        form.put("ContentSid", template.id());
        form.put("ContentVariables", variables(template.variables()));
        if (statusCallback != null && !statusCallback.isBlank()) {
            form.put("StatusCallback", statusCallback);
        }
        return api.create(form);
    }

    /** {@code {"1":"…","2":"…"}}, escaped as JSON strings. */
    static String variables(List<String> values) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            json.append(i == 0 ? "" : ",").append('"').append(i + 1).append("\":\"");
            for (char c : values.get(i).toCharArray()) {
                switch (c) {
                    case '"' -> json.append("\\\"");
                    case '\\' -> json.append("\\\\");
                    default -> {
                        if (c < 0x20) {
                            json.append(String.format("\\u%04x", (int) c));
                        } else {
                            json.append(c);
                        }
                    }
                }
            }
            json.append('"');
        }
        return json.append('}').toString();
    }
}
