package org.convoy.gateway.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;

/**
 * The web UI's pages at short addresses: {@code /registration} (the public form, and a delegate's own page when
 * opened with the personal link {@code /registration#token=…}), {@code /preferences#token=…} for a delegate's notice
 * preferences, {@code /host#code=…} for a host contact's page, {@code /console} for organizers,
 * {@code /checkin?convoy=…&meeting=…} for the check-in desk at a meeting's venue, and {@code /survey#pass=…} for an
 * attendee's feedback after a meeting. Their scripts and styles are plain files under {@code static/},
 * served from this origin only, as the content policy demands.
 */
@Configuration(proxyBeanMethods = false)
class UiPages {

    @Bean
    RouterFunction<ServerResponse> uiPageRoutes() {
        return RouterFunctions.route(GET("/registration"), request -> page("static/registration.html"))
                .andRoute(GET("/console"), request -> page("static/console.html"))
                .andRoute(GET("/preferences"), request -> page("static/preferences.html"))
                .andRoute(GET("/host"), request -> page("static/host.html"))
                .andRoute(GET("/checkin"), request -> page("static/checkin.html"))
                .andRoute(GET("/survey"), request -> page("static/survey.html"));
    }

    private static Mono<ServerResponse> page(String path) {
        Resource page = new ClassPathResource(path);
        return ServerResponse.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noCache())
                .bodyValue(page);
    }
}
