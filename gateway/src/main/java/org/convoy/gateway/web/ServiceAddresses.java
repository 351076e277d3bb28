package org.convoy.gateway.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;

/**
 * Where each service's instances are: one address or several, comma-separated ({@code REGISTRATION_SERVICE_URI},
 * {@code SCHEDULING_SERVICE_URI}, {@code NOTIFICATION_SERVICE_URI}). Routes name a service ({@code lb://...}) and
 * Spring Cloud LoadBalancer spreads its calls over the instances in turn. When a service has several, each one's
 * readiness ({@code /actuator/health/readiness}) is asked every {@code convoy.gateway.instance-check} (2 s): an
 * instance that is not ready, or does not answer, gets no calls until it is ready again; when none is ready, all
 * are tried, so the circuit breaker and the fallback answer as they do for one. Addresses are read at each look-up.
 */
@Component
class ServiceAddresses implements ReactiveDiscoveryClient, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ServiceAddresses.class);
    static final Map<String, String> SETTINGS = Map.of(
            "registration-service", "convoy.gateway.services.registration",
            "scheduling-service", "convoy.gateway.services.scheduling",
            "notification-service", "convoy.gateway.services.notification");
    private static final String READINESS = "/actuator/health/readiness";

    private final Environment environment;
    private final Duration checkEvery;
    private final HttpClient http;
    private final Set<URI> notReady = ConcurrentHashMap.newKeySet();
    private volatile ScheduledExecutorService checker;

    ServiceAddresses(Environment environment, @Value("${convoy.gateway.instance-check:2s}") Duration checkEvery) {
        this.environment = environment;
        this.checkEvery = checkEvery;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(checkEvery).build();
    }

    @Override
    public String description() {
        return "Convoy's service addresses";
    }

    @Override
    public Flux<ServiceInstance> getInstances(String serviceId) {
        List<URI> addresses = addresses(serviceId);
        List<URI> ready = addresses.stream().filter(address -> !notReady.contains(address)).toList();
        return Flux.fromIterable(ready.isEmpty() ? addresses : ready).map(address -> instance(serviceId, address));
    }

    @Override
    public Flux<String> getServices() {
        return Flux.fromIterable(SETTINGS.keySet());
    }

    List<URI> addresses(String serviceId) {
        String setting = SETTINGS.get(serviceId);
        if (setting == null) {
            return List.of();
        }
        return Arrays.stream(environment.getProperty(setting, "").split(",")).map(String::trim)
                .filter(address -> !address.isEmpty()).map(URI::create).toList();
    }

    private static ServiceInstance instance(String serviceId, URI address) {
        boolean secure = "https".equals(address.getScheme());
        int port = address.getPort() > 0 ? address.getPort() : secure ? 443 : 80;
        return new DefaultServiceInstance(serviceId + "@" + address.getHost() + ":" + port, serviceId,
                address.getHost(), port, secure);
    }

    /** Asks each instance of the services that have several whether it is ready. */
    void check() {
        for (String serviceId : SETTINGS.keySet()) {
            List<URI> addresses = addresses(serviceId);
            if (addresses.size() < 2) {
                continue;
            }
            for (URI address : addresses) {
                HttpRequest probe = HttpRequest.newBuilder(address.resolve(READINESS)).timeout(checkEvery).GET().build();
                http.sendAsync(probe, HttpResponse.BodyHandlers.discarding()).whenComplete((answer, failure) ->
                        readiness(serviceId, address, failure == null && answer.statusCode() == 200));
            }
        }
    }

    private void readiness(String serviceId, URI address, boolean ready) {
        if (ready && notReady.remove(address)) {
            log.atInfo().addKeyValue("service", serviceId).addKeyValue("instance", address)
                    .log("Instance ready again; it gets calls");
        } else if (!ready && notReady.add(address)) {
            log.atWarn().addKeyValue("service", serviceId).addKeyValue("instance", address)
                    .log("Instance not ready; it gets no calls until it is");
        }
    }

    @Override
    public void start() {
        checker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "instance-check");
            thread.setDaemon(true);
            return thread;
        });
        checker.scheduleWithFixedDelay(this::check, 0, checkEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = checker;
        checker = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return checker != null;
    }
}
