package org.convoy.notification.notice.whatsapp;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.convoy.notification.notice.phone.TwilioAccount;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The WhatsApp channel ({@code convoy.notification.whatsapp.*}).
 *
 * @param provider         {@code local} (messages kept for reading, the default) or {@code twilio} (any
 *                         Twilio-compatible API, {@code whatsapp:} addresses and approved templates)
 * @param twilio           the account, with {@code WHATSAPP_PROVIDER=twilio}
 * @param statusCallbackUrl where the provider reports what became of a message (not delivered), as it reaches this
 *                          service through the gateway; signed with the account's token
 * @param templates        the provider's approved template for each kind of notice and language:
 *                         {@code templates.meeting-confirmed.es: HX…}; with the real provider a kind without one
 *                         is not sent by WhatsApp (it goes by SMS if she chose it). The local provider names its own.
 * @param allowedPrefixes  E.164 prefixes messages may go to
 * @param refusedPrefixes  prefixes refused even so
 * @param perNumberPerHour messages one number may receive in an hour; more wait for the next hour
 * @param platformPerHour  messages the whole platform may send in an hour; more wait for the next hour
 */
@Validated
@ConfigurationProperties("convoy.notification.whatsapp")
public record WhatsAppProperties(
        @NotNull @DefaultValue("local") Provider provider,
        @Valid @DefaultValue TwilioAccount twilio,
        String statusCallbackUrl,
        @NotNull @DefaultValue Map<String, Map<String, String>> templates,
        @NotNull @DefaultValue({ "+52", "+1" }) List<String> allowedPrefixes,
        @NotNull @DefaultValue({ "+1900", "+1976", "+52900" }) List<String> refusedPrefixes,
        @Min(1) @DefaultValue("10") int perNumberPerHour,
        @Min(1) @DefaultValue("500") int platformPerHour) {

    public enum Provider { local, twilio }
}
