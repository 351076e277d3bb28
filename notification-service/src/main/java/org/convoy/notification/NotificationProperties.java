package org.convoy.notification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.convoy.support.security.Secrets;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param from              the sender of every email
 * @param publicBaseUrl     where delegates open the platform, used in links inside notices
 * @param preferencesSecret signs the link in every email with which a delegate manages their notices
 * @param linkSecret        registration's link secret, from which the one-time code of a personal link is made for
 *                          its email ({@code REGISTRATION_LINK_SECRET})
 */
@Validated
@ConfigurationProperties("convoy.notification")
public record NotificationProperties(
        @NotBlank @DefaultValue("Convoy <avisos@convoy.local>") String from,
        @NotBlank @DefaultValue("http://localhost:8080") String publicBaseUrl,
        String preferencesSecret,
        String linkSecret) {

    public NotificationProperties {
        Secrets.require("NOTIFICATION_PREFERENCES_SECRET", preferencesSecret);
        Secrets.require("REGISTRATION_LINK_SECRET", linkSecret);
    }
}
