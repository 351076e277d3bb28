package org.convoy.notification.notice.mail;

import org.convoy.notification.notice.NotificationProperties;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Sends plain-text email over SMTP (any server given by {@code SMTP_HOST}/{@code SMTP_PORT}). */
@Component
public class EmailChannel {

    private final JavaMailSender mailSender;
    private final NotificationProperties properties;

    EmailChannel(JavaMailSender mailSender, NotificationProperties properties) {
        this.mailSender = mailSender;
        this.properties = properties;
    }

    public void send(String to, String subject, String text) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        mailSender.send(message);
    }
}
