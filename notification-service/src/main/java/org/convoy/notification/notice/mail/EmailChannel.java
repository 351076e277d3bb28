package org.convoy.notification.notice.mail;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;

import org.convoy.notification.NotificationProperties;
import org.convoy.notification.notice.domain.Notice;
import org.convoy.support.links.QrCodes;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends email over SMTP (any server given by {@code SMTP_HOST}/{@code SMTP_PORT}): plain text with an HTML
 * alternative when there is one, and a calendar invitation or cancellation as {@code invite.ics} when the notice
 * carries one; an attendee's check-in pass as an inline PNG QR code ({@code cid:checkin-qr}). A one-click {@code List-Unsubscribe} header (RFC 8058) stops routine email. Each sending thread keeps
 * its SMTP connection open between messages ({@link SmtpConnections}).
 */
@Component
public class EmailChannel {

    /** The Content-ID of the QR code of a check-in pass in an email. */
    public static final String PASS_IMAGE = "checkin-qr";

    private final SmtpConnections smtp;
    private final NotificationProperties properties;

    EmailChannel(SmtpConnections smtp, NotificationProperties properties) {
        this.smtp = smtp;
        this.properties = properties;
    }

    /**
     * @param noticeId the notice's id in the ledger, which gives the message its {@code Message-ID}
     * @param unsubscribeUrl where a mail program's one-click unsubscribe goes, or {@code null}
     */
    public void send(String noticeId, Notice.Message notice, String unsubscribeUrl) {
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
