package org.convoy.notification.notice.mail;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;

import org.convoy.notification.NotificationProperties;
import org.convoy.notification.contact.PreferenceLinks;
import org.convoy.notification.contact.domain.Contact;
import org.convoy.notification.notice.channel.ChannelFailure;
import org.convoy.notification.notice.channel.Content;
import org.convoy.notification.notice.channel.NoticeChannel;
import org.convoy.notification.notice.domain.Notice;
import org.convoy.support.links.QrCodes;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The email channel: every notice in full, in the person's language ({@code <kind>.email.subject} and
 * {@code <kind>.email.body}), with the link to her notice preferences at the foot. Sent over SMTP (any server given by
 * {@code SMTP_HOST}/{@code SMTP_PORT}): plain text with an HTML alternative ({@link MailRenderer}), and a calendar
 * invitation or cancellation as {@code invite.ics} when the notice carries one; an attendee's check-in pass as an
 * inline PNG QR code ({@code cid:checkin-qr}). A one-click {@code List-Unsubscribe} header (RFC 8058) stops routine
 * email. Each sending thread keeps its SMTP connection open between messages ({@link SmtpConnections}). An SMTP
 * failure is transient: the server may be back later.
 */
@Component
public class EmailChannel implements NoticeChannel {

    public static final String NAME = "EMAIL";

    /** The Content-ID of the QR code of a check-in pass in an email. */
    public static final String PASS_IMAGE = "checkin-qr";

    private final SmtpConnections smtp;
    private final NotificationProperties properties;
    private final MessageSource messages;
    private final MailRenderer renderer;
    private final PreferenceLinks preferences;

    EmailChannel(SmtpConnections smtp, NotificationProperties properties, MessageSource messages,
            MailRenderer renderer, PreferenceLinks preferences) {
        this.smtp = smtp;
        this.properties = properties;
        this.messages = messages;
        this.renderer = renderer;
        this.preferences = preferences;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Form form() {
        return Form.LETTER;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public Optional<String> address(Contact contact) {
        return Optional.ofNullable(contact.email());
    }

    @Override
    public boolean needsConfirmedAddress() {
        return false;
    }

    @Override
    public boolean waitsOutQuietHours() {
        return false;
    }

    @Override
    public Optional<Notice.Message> compose(Content content, Contact contact, String address) {
        Locale locale = Locale.forLanguageTag(contact.language());
        String subject = messages.getMessage(content.kind() + ".email.subject", content.args(), null, locale);
        String body = messages.getMessage(content.kind() + ".email.body", content.args(), null, locale);
        if (subject == null || body == null) {
            return Optional.empty();
        }
        String footer = messages.getMessage("footer.preferences", null, locale) + ": " + preferences.url(contact.id());
        Content.CheckIn checkIn = content.checkIn();
        String pass = checkIn == null ? null
                : messages.getMessage("check-in.pass", new Object[] { checkIn.code() }, locale);
        String text = body + (pass == null ? "" : "\n\n" + pass) + "\n\n--\n" + footer;
        String html = renderer.html(locale, subject, body, content.meeting(),
                checkIn == null ? null : new MailRenderer.Pass(pass, checkIn.code()), preferences.url(contact.id()));
        return Optional.of(new Notice.Message(address, subject, text, html, content.calendar(),
                checkIn == null ? null : checkIn.pass(), null));
    }

    @Override
    public String send(Notice notice) {
        try {
            send(notice.id(), notice.message(), preferences.unsubscribeUrl(notice.delegateId()));
        } catch (MailException e) {
            throw new ChannelFailure.Transient(e.getMessage(), null, e);
        }
        return messageId(notice.id());
    }

    /**
     * @param noticeId the notice's id in the ledger, which gives the message its {@code Message-ID}
     * @param unsubscribeUrl where a mail program's one-click unsubscribe goes, or {@code null}
     */
    void send(String noticeId, Notice.Message notice, String unsubscribeUrl) {
        MimeMessage message = smtp.createMessage(messageId(noticeId));
        try {
            boolean multipart = notice.html() != null || notice.calendar() != null || notice.checkInPass() != null;
            MimeMessageHelper mail = new MimeMessageHelper(message, multipart, StandardCharsets.UTF_8.name());
            mail.setFrom(properties.from());
            mail.setTo(notice.to());
            mail.setSubject(notice.subject());
            if (notice.html() != null) {
                mail.setText(notice.text(), notice.html());
            } else {
                mail.setText(notice.text());
            }
            if (notice.checkInPass() != null) {
                mail.addInline(PASS_IMAGE, PASS_IMAGE + ".png",
                        new ByteArrayDataSource(QrCodes.png(notice.checkInPass(), 6), "image/png"));
            }
            if (notice.calendar() != null) {
                String method = notice.calendar().contains("METHOD:CANCEL") ? "CANCEL" : "REQUEST";
                mail.addAttachment("invite.ics", new ByteArrayDataSource(notice.calendar().getBytes(StandardCharsets.UTF_8),
                        "text/calendar; charset=UTF-8; method=" + method));
            }
            if (unsubscribeUrl != null) {
                message.setHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
        } catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
        smtp.send(message);
    }

    /** {@code <uuid@convoy.notification>}, the same for every send of one notice, without the ledger's own id. */
    static String messageId(String noticeId) {
        return "<" + UUID.nameUUIDFromBytes(noticeId.getBytes(StandardCharsets.UTF_8)) + "@convoy.notification>";
    }
}
