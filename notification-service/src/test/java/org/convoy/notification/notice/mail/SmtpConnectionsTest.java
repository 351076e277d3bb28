package org.convoy.notification.notice.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Against a real SMTP server (GreenMail) behind a counting relay: messages from one thread share one connection,
 * and after the server restarts the next message opens a new one instead of failing.
 */
class SmtpConnectionsTest {

    private final int smtpPort = freePort();
    private final GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private final CountingRelay relay = new CountingRelay(smtpPort);
    private SmtpConnections connections;

    @AfterEach
    void stop() throws Exception {
        if (connections != null) {
            connections.destroy();
        }
        relay.close();
        smtp.stop();
    }

    @Test
    void messagesFromOneThreadShareAConnectionThatSurvivesAServerRestart() throws Exception {
        smtp.start();
        connections = new SmtpConnections(sender(relay.port()));

        for (int i = 0; i < 3; i++) {
            connections.send(message("ana" + i + "@example.org"));
        }
        assertThat(smtp.getReceivedMessages()).hasSize(3);
        assertThat(relay.accepted()).as("connections opened for three messages").isEqualTo(1);

        smtp.stop();
        relay.dropAll();
        smtp.start();
        connections.send(message("luz@example.org"));

        assertThat(smtp.getReceivedMessages()).extracting(m -> m.getAllRecipients()[0].toString())
                .containsExactly("luz@example.org");
        assertThat(relay.accepted()).isEqualTo(2);
    }

    @Test
    void aNoticeSentAgainCarriesTheSameMessageIdAndAnotherNoticeItsOwn() throws Exception {
        smtp.start();
        connections = new SmtpConnections(sender(smtp.getSmtp().getPort()));
        String first = EmailChannel.messageId("event-1:delegate-1:EMAIL");

        connections.send(message("ana@example.org", first));
        connections.send(message("ana@example.org", first));
        connections.send(message("ana@example.org", EmailChannel.messageId("event-2:delegate-1:EMAIL")));

        assertThat(smtp.getReceivedMessages()).extracting(MimeMessage::getMessageID)
                .containsExactly(first, first, EmailChannel.messageId("event-2:delegate-1:EMAIL"));
        assertThat(first).matches("<[0-9a-f-]{36}@convoy\\.notification>");
    }

    private MimeMessage message(String to) throws MessagingException {
        return message(to, null);
    }

    private MimeMessage message(String to, String messageId) throws MessagingException {
        MimeMessage message = messageId == null ? connections.createMessage() : connections.createMessage(messageId);
        message.setFrom(new InternetAddress("avisos@convoy.local"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("Bienvenida");
        message.setText("Hola");
        return message;
    }

    private static JavaMailSenderImpl sender(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        return sender;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A TCP relay to the SMTP server that counts the connections it accepts. */
    private static final class CountingRelay implements AutoCloseable {

        private final ServerSocket server;
        private final AtomicInteger accepted = new AtomicInteger();
        private final java.util.List<Socket> open = new java.util.concurrent.CopyOnWriteArrayList<>();

        CountingRelay(int target) {
            try {
                server = new ServerSocket(0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket client = server.accept();
                        accepted.incrementAndGet();
                        Socket upstream = new Socket("127.0.0.1", target);
                        open.add(client);
                        open.add(upstream);
                        pipe(client, upstream);
                        pipe(upstream, client);
                    } catch (IOException e) {
                        // closed
                    }
                }
            }, "smtp-relay");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        int accepted() {
            return accepted.get();
        }

        void dropAll() {
            open.forEach(CountingRelay::quietlyClose);
            open.clear();
        }

        private void pipe(Socket from, Socket to) {
            Thread thread = new Thread(() -> {
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    in.transferTo(out);
                } catch (IOException e) {
                    // one side closed
                } finally {
                    quietlyClose(from);
                    quietlyClose(to);
                }
            }, "smtp-relay-pipe");
            thread.setDaemon(true);
            thread.start();
        }

        private static void quietlyClose(Socket socket) {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }

        @Override
        public void close() throws IOException {
            dropAll();
            server.close();
        }
    }
}
