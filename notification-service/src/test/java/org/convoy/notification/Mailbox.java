package org.convoy.notification;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server (GreenMail) on a fixed free port, so a test can stop it and start it again where the service
 * expects it, and read what each recipient received.
 */
final class Mailbox {

    private final int port = freePort();
    private final GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    int port() {
        return port;
    }

    /** Points the service under test at this server. */
    void serve(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", this::port);
    }

    Mailbox start() {
        smtp.start();
        return this;
    }

    void stop() {
        smtp.stop();
    }

    List<MimeMessage> to(String email) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return message.getAllRecipients()[0].toString().equals(email);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    List<MimeMessage> await(String email, int count) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> to(email).size() >= count);
        return to(email);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
