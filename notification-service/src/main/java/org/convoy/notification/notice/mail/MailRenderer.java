package org.convoy.notification.notice.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.convoy.notification.notice.channel.Content.MeetingCard;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders the HTML alternative of an email with Thymeleaf ({@code templates/mail/notice.html}): the same words as
 * the plain-text body, paragraph by paragraph, with links as buttons, the meeting as a card, an attendee's check-in
 * pass as a QR code (an inline image) with its short code, and the link to the
 * delegate's notice preferences at the foot. Values are escaped by the template engine.
 */
@Component
class MailRenderer {

    private final TemplateEngine templates;

    MailRenderer(TemplateEngine templates) {
        this.templates = templates;
    }

    /**
     * An attendee's check-in pass: what to do with it, and its short code; the QR code is the email's inline image
     * {@link EmailChannel#PASS_IMAGE}.
     */
    public record Pass(String text, String code) {
    }

    record Paragraph(List<String> lines, String link) {
    }

    String html(Locale locale, String subject, String text, MeetingCard meeting, Pass pass,
            String preferencesUrl) {
        Context context = new Context(locale);
        context.setVariable("lang", locale.getLanguage());
        context.setVariable("subject", subject);
        context.setVariable("paragraphs", paragraphs(text));
        context.setVariable("meeting", meeting);
        context.setVariable("pass", pass);
        context.setVariable("passImage", "cid:" + EmailChannel.PASS_IMAGE);
        context.setVariable("preferencesUrl", preferencesUrl);
        return templates.process("mail/notice", context);
    }

    /** Blank lines separate paragraphs; a line that is only a link becomes a button. */
    static List<Paragraph> paragraphs(String text) {
        List<Paragraph> paragraphs = new ArrayList<>();
        for (String block : text.split("\\n\\s*\\n")) {
            List<String> lines = new ArrayList<>();
            for (String line : block.split("\\n")) {
                String trimmed = line.strip();
                if (trimmed.matches("https?://\\S+")) {
                    if (!lines.isEmpty()) {
                        paragraphs.add(new Paragraph(List.copyOf(lines), null));
                        lines.clear();
                    }
                    paragraphs.add(new Paragraph(List.of(), trimmed));
                } else if (!trimmed.isEmpty()) {
                    lines.add(trimmed);
                }
            }
            if (!lines.isEmpty()) {
                paragraphs.add(new Paragraph(List.copyOf(lines), null));
            }
        }
        return paragraphs;
    }
}
