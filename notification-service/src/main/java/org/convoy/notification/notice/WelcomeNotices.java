package org.convoy.notification.notice;

import java.time.Clock;
import java.util.Locale;

import org.convoy.events.DelegateProfile;
import org.convoy.events.DelegateRegistered;
import org.convoy.notification.notice.domain.Notice;
import org.convoy.notification.notice.domain.NoticeLedger;
import org.convoy.notification.notice.mail.EmailChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;

/** Tells a delegate, in their language, that their registration was received. */
@Service
public class WelcomeNotices {

    private static final Logger log = LoggerFactory.getLogger(WelcomeNotices.class);
    static final String KIND = "REGISTRATION_RECEIVED";

    private final NoticeLedger ledger;
    private final EmailChannel email;
    private final MessageSource messages;
    private final NotificationProperties properties;
    private final Clock clock;

    WelcomeNotices(NoticeLedger ledger, EmailChannel email, MessageSource messages, NotificationProperties properties,
            Clock clock) {
        this.ledger = ledger;
        this.email = email;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    public void registrationReceived(DelegateRegistered event) {
        DelegateProfile profile = event.profile();
        if (!profile.channels().contains(Notice.Channel.EMAIL.name())) {
            return;
        }
        var claimed = ledger.claim(event.eventId(), "DelegateRegistered", event.delegateId(), Notice.Channel.EMAIL, KIND,
                clock.instant());
        if (claimed.isEmpty()) {
            log.atInfo().addKeyValue("eventId", event.eventId()).addKeyValue("delegateId", event.delegateId())
                    .log("Welcome email already sent; not sending again");
            return;
        }
        Locale locale = Locale.forLanguageTag(profile.preferredLanguage());
        Object[] args = { profile.givenName(), profile.fullName(), event.convoyId(), properties.publicBaseUrl() };
        try {
            email.send(profile.email(), messages.getMessage("registration-received.subject", args, locale),
                    messages.getMessage("registration-received.body", args, locale));
        } catch (MailException e) {
            ledger.failed(claimed.get(), e.getMessage());
            throw e;
        }
        ledger.sent(claimed.get(), clock.instant());
        log.atInfo().addKeyValue("eventId", event.eventId()).addKeyValue("delegateId", event.delegateId())
                .log("Welcome email sent");
    }
}
