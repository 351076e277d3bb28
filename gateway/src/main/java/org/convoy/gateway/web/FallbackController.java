package org.convoy.gateway.web;

import java.util.concurrent.TimeoutException;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where a route's circuit breaker sends a request its service did not answer: 504 when the service was too slow,
 * 503 with Retry-After when it is down or its circuit is open. Never a hang, never a stack trace.
 */
@RestController
class FallbackController {

    private final GatewayProperties properties;

    FallbackController(GatewayProperties properties) {
        this.properties = properties;
    }

    @RequestMapping("/fallback/{service}")
    ResponseEntity<ProblemDetail> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        String name = service.replaceAll("[^a-z-]", "");
        if (cause instanceof TimeoutException || (cause != null && cause.getCause() instanceof TimeoutException)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GATEWAY_TIMEOUT,
                    "The " + name + " service did not answer in time. Try again shortly.");
            problem.setTitle("Service too slow");
            return ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT).body(problem);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The " + name + " service is not available right now. Try again shortly.");
        problem.setTitle("Service unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", String.valueOf(properties.retryAfter().toSeconds()))
                .body(problem);
    }
}
