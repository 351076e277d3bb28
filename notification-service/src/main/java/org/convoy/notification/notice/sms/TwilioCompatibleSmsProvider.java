package org.convoy.notification.notice.sms;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Sends through a Twilio-compatible REST API: {@code POST {baseUrl}/2010-04-01/Accounts/{sid}/Messages.json} with
 * HTTP Basic credentials and a form body. 429 and 5xx answers (and network trouble) are transient, other 4xx
 * permanent.
 */
public class TwilioCompatibleSmsProvider implements SmsProvider {

    private static final Pattern SID = Pattern.compile("\"sid\"\\s*:\\s*\"([^\"]+)\"");

    private final SmsProperties.Twilio settings;
    private final HttpClient http;

    public TwilioCompatibleSmsProvider(SmsProperties.Twilio settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    @Override
    public String send(String to, String text) {
        String form = Map.of("To", to, "From", settings.from(), "Body", text).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String credentials = Base64.getEncoder().encodeToString(
                (settings.accountSid() + ":" + settings.authToken()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.baseUrl().replaceAll("/+$", "")
                        + "/2010-04-01/Accounts/" + settings.accountSid() + "/Messages.json"))
                .timeout(settings.timeout())
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TransientSmsFailure("SMS provider unreachable: " + e.getMessage(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientSmsFailure("Interrupted while sending SMS", null, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            Matcher sid = SID.matcher(response.body());
            return sid.find() ? sid.group(1) : "unknown";
        }
        String answer = status + " " + abbreviate(response.body());
        if (status == 429 || status >= 500) {
            Duration retryAfter = response.headers().firstValue("Retry-After").map(TwilioCompatibleSmsProvider::seconds)
                    .orElse(null);
            throw new TransientSmsFailure("SMS provider answered " + answer, retryAfter, null);
        }
        throw new PermanentSmsFailure("SMS provider refused the message: " + answer);
    }

    private static Duration seconds(String value) {
        try {
            return Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
