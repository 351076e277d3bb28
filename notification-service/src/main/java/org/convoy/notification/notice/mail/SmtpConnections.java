package org.convoy.notification.notice.mail;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * One SMTP connection per sending thread, kept open between messages: each email then costs the envelope and the
 * message, not a new connection, greeting and hello. A connection idle for longer than a server is likely to keep
 * it, or one that failed, is closed and the next message opens a new one.
 */
@Component
class SmtpConnections implements DisposableBean {

    private static final long IDLE_NANOS = 20_000_000_000L;
    /**
     * Jakarta Mail looks up its stream provider for every body part it builds, through the service loader, which
     * searches every jar of the service: a third of the CPU an email cost. Named here, it is loaded by name instead.
     */
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    private final JavaMailSender mailSender;
    private final Map<Thread, Connection> connections = new ConcurrentHashMap<>();

    SmtpConnections(JavaMailSender mailSender) {
        this.mailSender = mailSender;
        System.getProperties().putIfAbsent(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
    }

    MimeMessage createMessage() {
        return mailSender.createMimeMessage();
    }

    /**
     * A message whose {@code Message-ID} is the one given rather than a new one at each send: the same notice sent
     * again (after a crash between the server's acceptance and the ledger's SENT) carries the same id, which mail
     * programs that see it twice show once, and which tells such a repeat apart from a second notice.
     */
    MimeMessage createMessage(String messageId) {
        if (!(mailSender instanceof JavaMailSenderImpl server)) {
            return mailSender.createMimeMessage();
        }
        return new MimeMessage(server.getSession()) {

            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
    }

    void send(MimeMessage message) {
        if (!(mailSender instanceof JavaMailSenderImpl server)) {
            mailSender.send(message);
            return;
        }
        Connection connection = connections.remove(Thread.currentThread());
        try {
            if (connection == null || System.nanoTime() - connection.lastUsed > IDLE_NANOS
                    || !connection.transport.isConnected()) {
                close(connection);
                connection = new Connection(connect(server));
            }
            if (message.getSentDate() == null) {
                message.setSentDate(new java.util.Date());
            }
            message.saveChanges();
            connection.transport.sendMessage(message, message.getAllRecipients());
            connection.lastUsed = System.nanoTime();
            connections.put(Thread.currentThread(), connection);
        } catch (AuthenticationFailedException e) {
            close(connection);
            throw new MailAuthenticationException(e);
        } catch (MessagingException e) {
            close(connection);
            throw new MailSendException("Sending the email failed: " + e.getMessage(), e);
        }
    }

    private static Transport connect(JavaMailSenderImpl server) throws MessagingException {
        Transport transport = server.getSession().getTransport(server.getProtocol() == null ? "smtp"
                : server.getProtocol());
        String username = server.getUsername() == null || server.getUsername().isEmpty() ? null : server.getUsername();
        transport.connect(server.getHost(), server.getPort(), username, username == null ? null : server.getPassword());
        return transport;
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.transport.close();
            } catch (MessagingException e) {
                // closing a connection that already failed
            }
        }
    }

    @Override
    public void destroy() {
        connections.values().forEach(SmtpConnections::close);
        connections.clear();
    }

    private static final class Connection {

        private final Transport transport;
        private long lastUsed = System.nanoTime();

        Connection(Transport transport) {
            this.transport = transport;
        }
    }
}
