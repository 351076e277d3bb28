package org.convoy.support.personal;

import org.convoy.support.security.Secrets;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param secret wraps every delegate's data key ({@code DELEGATE_DATA_SECRET}: at least 32 characters, the same in
 *               registration, scheduling and notification; keep it stable, or keys already shared no longer open)
 */
@ConfigurationProperties("convoy.personal-data")
public record PersonalDataProperties(String secret) {

    public PersonalDataProperties {
        Secrets.require("DELEGATE_DATA_SECRET", secret);
    }
}
