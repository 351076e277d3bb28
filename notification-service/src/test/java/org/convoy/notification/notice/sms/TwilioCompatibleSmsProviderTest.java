package org.convoy.notification.notice.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.convoy.notification.notice.channel.ChannelFailure;
import org.convoy.notification.notice.phone.TwilioAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real HTTP adapter against a local stand-in of a Twilio-compatible API, over the wire. */
class TwilioCompatibleSmsProviderTest {

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer stub;
    private volatile int status = 201;
    private volatile String retryAfter;
    private SmsProvider provider;

    @BeforeEach
    void start() throws IOException {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + "\n"
                    + exchange.getRequestHeaders().getFirst("Authorization") + "\n"
                    + URLDecoder.decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                            StandardCharsets.UTF_8));
            if (retryAfter != null) {
                exchange.getResponseHeaders().set("Retry-After", retryAfter);
            }
            byte[] body = (status == 201 ? "{\"sid\":\"SM123\",\"status\":\"queued\"}" : "{\"message\":\"nope\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        stub.start();
        provider = new TwilioCompatibleSmsProvider(new TwilioAccount(
                "http://127.0.0.1:" + stub.getAddress().getPort() + "/", "AC42", "secret", "+14155550100",
                Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() {
        stub.stop(0);
    }

    @Test
    void postsTheMessageWithBasicCredentialsAndReturnsTheProviderId() {
        String id = provider.send("+523312345678", "Convoy: María, recibimos tu registro");

        assertThat(id).isEqualTo("SM123");
        String request = requests.get(0);
        assertThat(request).startsWith("POST /2010-04-01/Accounts/AC42/Messages.json");
        assertThat(request).contains("Basic " + Base64.getEncoder().encodeToString("AC42:secret".getBytes()));
        assertThat(request).contains("To=+523312345678", "From=+14155550100", "Body=Convoy: María, recibimos tu registro");
    }

    @Test
    void rateLimitedIsTransientWithTheProvidersRetryAfter() {
        status = 429;
        retryAfter = "30";

        assertThatThrownBy(() -> provider.send("+523312345678", "hola"))
                .isInstanceOfSatisfying(ChannelFailure.Transient.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30)))
                .hasMessageContaining("429");
    }

    @Test
    void providerTroubleIsTransient() {
        status = 503;

        assertThatThrownBy(() -> provider.send("+523312345678", "hola"))
                .isInstanceOf(ChannelFailure.Transient.class).hasMessageContaining("503");
    }

    @Test
    void aRefusedMessageIsPermanent() {
        status = 400;

        assertThatThrownBy(() -> provider.send("+52", "hola"))
                .isInstanceOf(ChannelFailure.Permanent.class).hasMessageContaining("400");
    }

    @Test
    void anUnreachableProviderIsTransient() {
        stub.stop(0);

        assertThatThrownBy(() -> provider.send("+523312345678", "hola"))
                .isInstanceOf(ChannelFailure.Transient.class).hasMessageContaining("unreachable");
    }
}
