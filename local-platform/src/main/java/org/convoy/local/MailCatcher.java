package org.convoy.local;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real SMTP server (GreenMail) that keeps every message it receives, and a page that shows them: the HTML list
 * at {@code /} for people and {@code /messages} as JSON for scripts.
 */
final class MailCatcher implements AutoCloseable {

    private final int smtpPort;
    private final int pagePort;
    private final JsonMapper json = JsonMapper.builder().build();
    private GreenMail greenMail;
    private HttpServer page;

    MailCatcher(int smtpPort, int pagePort) {
        this.smtpPort = smtpPort;
        this.pagePort = pagePort;
    }

    void start() {
        try {
            greenMail = new GreenMail(new ServerSetup(smtpPort, "localhost", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
            page = HttpServer.create(new InetSocketAddress("localhost", pagePort), 0);
            page.createContext("/messages", exchange -> respond(exchange, "application/json",
                    json.writeValueAsString(messages())));
            page.createContext("/", exchange -> respond(exchange, "text/html", html(messages())));
            page.start();
        } catch (IOException | RuntimeException e) {
            throw new PlatformException("SMTP server or mail page did not start: " + e.getMessage(), e);
        }
    }

    String pageUrl() {
        return "http://localhost:" + pagePort + "/";
    }

    /** Who each message received so far was for, its subject, id and when it was handed over, without bodies. */
    List<Receipt> receipts() {
        List<Receipt> receipts = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            try {
                if (message.getReceivedDate() != null) {
                    receipts.add(new Receipt(join(message.getAllRecipients()), message.getSubject(),
                            message.getMessageID(), message.getReceivedDate().toInstant().toEpochMilli()));
                }
            } catch (MessagingException e) {
                // an unreadable message has no receipt
            }
        }
        return receipts;
    }

    /** The plain text of the newest message to this address whose subject starts so, if one arrived. */
    Optional<String> textTo(String to, String subjectStart) {
        MimeMessage[] messages = greenMail.getReceivedMessages();
        for (int i = messages.length - 1; i >= 0; i--) {
            try {
                if (to.equals(join(messages[i].getAllRecipients())) && messages[i].getSubject() != null
                        && messages[i].getSubject().startsWith(subjectStart)) {
                    return Optional.of(text(messages[i].getContent()));
                }
            } catch (MessagingException | IOException e) {
                // an unreadable message is not the one
            }
        }
        return Optional.empty();
    }

    int count() {
        return greenMail.getReceivedMessages().length;
    }

    /** Forgets every message received so far. */
    void clear() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new PlatformException("Could not clear the mail received: " + e.getMessage(), e);
        }
    }

    record Receipt(String to, String subject, String messageId, long receivedAtMillis) {
    }

    /** Every message received so far, newest first. */
    List<Map<String, String>> messages() {
        List<Map<String, String>> messages = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            try {
                Map<String, String> m = new LinkedHashMap<>();
                m.put("receivedAt", message.getReceivedDate() == null ? ""
                        : message.getReceivedDate().toInstant().toString());
                m.put("from", join(message.getFrom()));
                m.put("to", join(message.getAllRecipients()));
                m.put("subject", message.getSubject());
                m.put("text", text(message.getContent()));
                m.put("attachments", String.join(", ", attachments(message.getContent())));
                String[] unsubscribe = message.getHeader("List-Unsubscribe");
                m.put("listUnsubscribe", unsubscribe == null ? "" : String.join(", ", unsubscribe));
                messages.add(m);
            } catch (MessagingException | IOException e) {
                messages.add(Map.of("error", "unreadable message: " + e.getMessage()));
            }
        }
        messages.sort(Comparator.comparing((Map<String, String> m) -> m.getOrDefault("receivedAt", "")).reversed());
        return messages;
    }

    private static String text(Object content) throws MessagingException, IOException {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return String.valueOf(part.getContent());
                }
            }
            return multipart.getCount() > 0 ? text(multipart.getBodyPart(0).getContent()) : "";
        }
        return String.valueOf(content);
    }

    /** File names of attached parts, e.g. a meeting's {@code invite.ics}. */
    private static List<String> attachments(Object content) throws MessagingException, IOException {
        List<String> names = new ArrayList<>();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.getFileName() != null) {
                    names.add(part.getFileName());
                } else {
                    names.addAll(attachments(part.getContent()));
                }
            }
        }
        return names;
    }

    private static String join(Address[] addresses) {
        return addresses == null ? "" : String.join(", ", Arrays.stream(addresses).map(Address::toString).toList());
    }

    private static String html(List<Map<String, String>> messages) {
        StringBuilder html = new StringBuilder("""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Convoy mail</title>
                <meta http-equiv="refresh" content="5">
                <style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}
                article{border:1px solid #ccc;border-radius:4px;padding:.75rem;margin:.75rem 0}
                pre{white-space:pre-wrap}</style></head><body>
                <h1>Mail received by the local SMTP server</h1>""");
        html.append("<p>").append(messages.size()).append(" message(s); this page refreshes every 5 seconds. ")
                .append("As JSON: <a href=\"/messages\">/messages</a></p>");
        for (Map<String, String> m : messages) {
            html.append("<article><h2>").append(escape(m.get("subject"))).append("</h2><p>To ")
                    .append(escape(m.get("to"))).append(" · from ").append(escape(m.get("from"))).append(" · ")
                    .append(escape(m.get("receivedAt")))
                    .append(m.get("attachments") == null || m.get("attachments").isEmpty() ? ""
                            : " · attached: " + escape(m.get("attachments")))
                    .append("</p><pre>").append(escape(m.get("text")))
                    .append("</pre></article>");
        }
        return html.append("</body></html>").toString();
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static void respond(HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        if (page != null) {
            page.stop(0);
            page = null;
        }
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }
}
