package org.convoy.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * LOG_FORMAT=ecs, the one setting compose uses, turns every line into one JSON object carrying the line's key-values
 * and the request's correlation id; a 500's incident id is in the line that records the fault. Unset, lines stay
 * Boot's plain ones, key-values after the message.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ConfigurableApplicationContext context;

    @AfterEach
    void backToPlainLines() {
        context.close();
        // The logging system is the JVM's: leave it as the other tests expect it.
        start().close();
    }

    @Test
    void withLogFormatEcsEachLineIsJsonWithItsKeyValuesAndTheCorrelationId(CapturedOutput output) {
        context = start("--LOG_FORMAT=ecs");
        String delegateId = UUID.randomUUID().toString();
        MDC.put(CorrelationIdFilter.MDC_KEY, "corr-" + delegateId);
        try {
            LoggerFactory.getLogger(StructuredLogsTest.class).atInfo().addKeyValue("delegateId", delegateId)
                    .log("Registration recorded");
        } finally {
            MDC.remove(CorrelationIdFilter.MDC_KEY);
        }

        JsonNode line = lineWith(output, "Registration recorded");
        assertThat(line.path("delegateId").asString()).isEqualTo(delegateId);
        assertThat(line.path("correlationId").asString()).isEqualTo("corr-" + delegateId);
        assertThat(line.path("log").path("level").asString()).isEqualTo("INFO");
    }

    @Test
    void aFaultsIncidentIdIsInTheLineThatRecordsIt(CapturedOutput output) {
        context = start("--LOG_FORMAT=ecs");
        MDC.put(CorrelationIdFilter.MDC_KEY, "corr-incident");
        Object answer;
        try {
            answer = new ProblemDetailsAdvice().handleUnexpected(new IllegalStateException("boom"),
                    new ServletWebRequest(new MockHttpServletRequest())).getBody();
        } finally {
            MDC.remove(CorrelationIdFilter.MDC_KEY);
        }

        Map<String, Object> properties = ((ProblemDetail) answer).getProperties();
        JsonNode line = lineWith(output, "Unexpected error");
        assertThat(line.path("incident").asString()).isNotEmpty().isEqualTo(properties.get("incident"));
        assertThat(line.path("correlationId").asString()).isEqualTo("corr-incident");
        assertThat(line.path("log").path("level").asString()).isEqualTo("ERROR");
        assertThat(line.path("error").path("stack_trace").asString()).contains("boom");
    }

    @Test
    void withoutItLinesStayPlainWithTheirKeyValues(CapturedOutput output) {
        context = start();
        LoggerFactory.getLogger(StructuredLogsTest.class).atInfo().addKeyValue("meetingId", "m-1")
                .log("Meeting confirmed");

        assertThat(output.getOut().lines().filter(l -> l.contains("Meeting confirmed")).toList()).singleElement()
                .satisfies(l -> assertThat(l).doesNotStartWith("{").endsWith("Meeting confirmed meetingId=\"m-1\""));
    }

    private static ConfigurableApplicationContext start(String... args) {
        SpringApplication application = new SpringApplication(Empty.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setRegisterShutdownHook(false);
        return application.run(args);
    }

    private static JsonNode lineWith(CapturedOutput output, String message) {
        List<String> lines = output.getOut().lines().filter(l -> l.contains(message)).toList();
        assertThat(lines).as(output.getOut()).singleElement().satisfies(l -> assertThat(l).startsWith("{"));
        return JSON.readTree(lines.get(0));
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }
}
