package org.convoy.notification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** Reads the parts of a received email as a mail client would: the plain text, the HTML, the calendar attachment, an
 * inline image. */
final class MailParts {

    private MailParts() {
    }

    static String text(Part mail) {
        return find(mail, "text/plain").orElseThrow(() -> new AssertionError("no text/plain part"));
    }

    static String html(Part mail) {
        return find(mail, "text/html").orElseThrow(() -> new AssertionError("no text/html part"));
    }

    static Optional<String> calendar(Part mail) {
        return find(mail, "text/calendar");
    }

    /** The bytes of the part with this Content-ID (an inline image), if there is one. */
    static Optional<byte[]> inline(Part part, String contentId) {
        try {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    Optional<byte[]> found = inline(multipart.getBodyPart(i), contentId);
                    if (found.isPresent()) {
                        return found;
                    }
                }
                return Optional.empty();
            }
            String[] ids = part.getHeader("Content-ID");
            if (ids == null || !ids[0].equals("<" + contentId + ">")) {
                return Optional.empty();
            }
            try (InputStream in = part.getInputStream()) {
                return Optional.of(in.readAllBytes());
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> find(Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                Object content = part.getContent();
                if (content instanceof String text) {
                    return Optional.of(text);
                }
                try (InputStream in = (InputStream) content) {
                    return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    Optional<String> found = find(multipart.getBodyPart(i), type);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            return Optional.empty();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
