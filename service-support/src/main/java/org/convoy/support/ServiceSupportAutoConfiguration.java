package org.convoy.support;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.convoy.events.DelegateDataKeys;
import org.convoy.events.DelegateKeyDestroyed;
import org.convoy.events.DelegateKeyShared;
import org.convoy.events.EventCodec;
import org.convoy.events.OrganizerAccessEnded;
import org.convoy.events.OrganizerLoggedOut;
import org.convoy.support.inbox.ConsumerErrorHandling;
import org.convoy.support.inbox.ConsumerLag;
import org.convoy.support.inbox.EventConsumers;
import org.convoy.support.inbox.ProcessedEvents;
import org.convoy.support.instances.InstanceProperties;
import org.convoy.support.instances.TimedJobProperties;
import org.convoy.support.instances.TimedJobs;
import org.convoy.support.outbox.EventSender;
import org.convoy.support.outbox.OutboxEntry;
import org.convoy.support.outbox.OutboxTraceStamp;
import org.convoy.support.tracing.QuietPublishSpans;
import org.convoy.support.tracing.TraceContexts;
import org.convoy.support.topics.TopicLayout;
import org.convoy.support.topics.TopicProperties;
import org.convoy.support.outbox.OutboxProperties;
import org.convoy.support.outbox.OutboxRelay;
import org.convoy.support.personal.DelegateKeyring;
import org.convoy.support.personal.PersonalDataProperties;
import org.convoy.support.security.EndedAccess;
import org.convoy.support.security.LoggedOutTokens;
import org.convoy.support.security.OrganizerScope;
import org.convoy.support.sms.TextDestinations;
import org.convoy.support.sms.TextingProperties;
import org.convoy.support.store.OptimisticWrites;
import org.convoy.support.store.StoreProperties;
import org.convoy.support.store.StoreTimeouts;
import org.convoy.support.system.DeadLetterCounter;
import org.convoy.support.system.KafkaDeadLetterCounter;
import org.convoy.support.system.SystemCounts;
import org.convoy.support.system.SystemStatusController;
import org.convoy.support.text.NfcStrings;
import org.convoy.support.time.AdjustableClock;
import org.convoy.support.time.ClockProperties;
import org.convoy.support.web.CorrelationIdFilter;
import org.convoy.support.web.ProblemDetailsAdvice;
import org.convoy.support.web.PublicCallLimitFilter;
import org.convoy.support.web.PublicCallLimits;
import org.convoy.support.web.RequestBodyLimitFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.stream.binding.BindingService;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.messaging.Message;

import tools.jackson.databind.JacksonModule;

/** What every Convoy service gets by depending on service-support. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.cloud.stream.function.FunctionConfiguration" },
        beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
@EnableConfigurationProperties({ OutboxProperties.class, WebLimitsProperties.class, TextingProperties.class,
        PublicCallLimits.class, PersonalDataProperties.class, TopicProperties.class, InstanceProperties.class,
        TimedJobProperties.class, StoreProperties.class, ClockProperties.class })
public class ServiceSupportAutoConfiguration {

    static final int OPTIMISTIC_ATTEMPTS = 50;

    /**
     * The one clock of a service's business (deadlines, reminders, notices): the system's, or, with
     * {@code convoy.clock.file}, the system's moved by the offset that file holds (see {@link AdjustableClock}).
     */
    @Bean
    @ConditionalOnMissingBean(Clock.class)
    AdjustableClock clock(ClockProperties properties) {
        return AdjustableClock.of(properties.file());
    }

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    @ConditionalOnMissingBean
    EventSender eventSender(StreamBridge streamBridge, TraceContexts contexts) {
        return OutboxRelay.streamBridgeSender(streamBridge, contexts);
    }

    /** Where traces are continued across the outbox; without a tracer (tracing off), nothing is traced. */
    @Bean
    @ConditionalOnMissingBean
    TraceContexts traceContexts(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new TraceContexts(tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    /** One producer span per published event, not three (see {@link QuietPublishSpans}). */
    @Bean
    QuietPublishSpans quietPublishSpans() {
        return new QuietPublishSpans();
    }

    /** Outbox entries keep the trace and correlation of the request that recorded them (see {@link OutboxEntry}). */
    @Bean
    @ConditionalOnMissingBean
    OutboxTraceStamp outboxTraceStamp(TraceContexts contexts) {
        return new OutboxTraceStamp(contexts);
    }

    /** Short store timeouts: a store that is away costs a call seconds and a 503, not the driver's 30 s. */
    @Bean
    StoreTimeouts storeTimeouts(StoreProperties properties) {
        return new StoreTimeouts(properties);
    }

    /**
     * Claims and leases are measured on the system's clock, never on a service's own {@code Clock} bean: instances
     * compare them with each other, and a service's clock may be set for its business (as tests do).
     */
    @Bean
    OutboxRelay outboxRelay(MongoOperations mongo, EventSender sender, OutboxProperties properties,
            MeterRegistry meters, InstanceProperties instance) {
        return new OutboxRelay(mongo, sender, properties, meters, instance.id(), Clock.systemUTC());
    }

    /** Timed jobs run their passes in one instance at a time (see {@link TimedJobs}). */
    @Bean
    @ConditionalOnMissingBean
    TimedJobs timedJobs(MongoOperations mongo, TimedJobProperties properties, InstanceProperties instance,
            MeterRegistry meters) {
        return new TimedJobs(mongo, instance.id(), properties.leaseFor(), Clock.systemUTC(), meters);
    }

    /** Optimistic writes of aggregates retry up to this many times before answering 503 with Retry-After. */
    @Bean
    @ConditionalOnMissingBean
    OptimisticWrites optimisticWrites(OutboxRelay relay) {
        return new OptimisticWrites(relay, OPTIMISTIC_ATTEMPTS);
    }

    /** Tokens organizers logged out of, learnt from the session stream and checked on every organizer call. */
    @Bean
    @ConditionalOnMissingBean
    LoggedOutTokens loggedOutTokens(MongoOperations mongo, ObjectProvider<Clock> clock) {
        return new LoggedOutTokens(mongo, AdjustableClock.real(clock.getIfAvailable(Clock::systemUTC)),
                Duration.ofSeconds(1));
    }

    /** Organizers whose access ended, learnt from the session stream and checked on every organizer call. */
    @Bean
    @ConditionalOnMissingBean
    EndedAccess endedAccess(MongoOperations mongo, ObjectProvider<Clock> clock) {
        return new EndedAccess(mongo, AdjustableClock.real(clock.getIfAvailable(Clock::systemUTC)),
                Duration.ofSeconds(1));
    }

    /**
     * Binding {@code sessionEvents-in-0} ({@code convoy.sessions}): every service hears of every logout, and of every
     * organizer whose access ended.
     */
    @Bean
    Consumer<Message<byte[]>> sessionEvents(EventConsumers consumers, LoggedOutTokens tokens, EndedAccess ended) {
        return consumers.named("sessions").on(OrganizerLoggedOut.class, tokens::loggedOut)
                .on(OrganizerAccessEnded.class, ended::accessEnded).build();
    }

    /** Seals delegates' profiles in events with keys of their own (crypto-shredding on erasure). */
    @Bean
    @ConditionalOnMissingBean
    DelegateDataKeys delegateDataKeys(PersonalDataProperties properties) {
        return new DelegateDataKeys(properties.secret());
    }

    @Bean
    @ConditionalOnMissingBean
    DelegateKeyring delegateKeyring(MongoOperations mongo, DelegateDataKeys keys, ObjectProvider<Clock> clock) {
        return new DelegateKeyring(mongo, keys, clock.getIfAvailable(Clock::systemUTC), Duration.ofSeconds(30));
    }

    /**
     * Binding {@code delegateKeys-in-0} ({@code convoy.delegate-keys}): services that read delegates' profiles keep
     * their keys, and forget them when destroyed; add delegateKeys to spring.cloud.function.definition.
     */
    @Bean
    Consumer<Message<byte[]>> delegateKeys(EventConsumers consumers, DelegateKeyring keyring) {
        return consumers.named("delegate-keys").on(DelegateKeyShared.class, keyring::shared)
                .on(DelegateKeyDestroyed.class, keyring::destroyed).build();
    }

    /** Which numbers may receive texts; registration checks numbers with it, notification checks every text. */
    @Bean
    @ConditionalOnMissingBean
    TextDestinations textDestinations(TextingProperties texting) {
        return texting.destinations();
    }

    /** Named like Boot's own indicator, which then steps aside; reported as {@code mongo}. */
    @Bean
    @ConditionalOnEnabledHealthIndicator("mongo")
    MongoPingHealthIndicator mongoHealthIndicator(MongoOperations mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    /** The event topics, created and checked before any binding uses them. */
    @Bean
    @ConditionalOnMissingBean
    TopicLayout topicLayout(@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
            TopicProperties topics) {
        return new TopicLayout(brokers, topics);
    }

    @Bean
    ProcessedEvents processedEvents(MongoOperations mongo,
            @Value("${convoy.inbox.keep-processed-for:30d}") Duration keepFor,
            @Value("${convoy.inbox.forget-every:1h}") Duration sweepEvery) {
        return new ProcessedEvents(mongo, keepFor, sweepEvery, Clock.systemUTC());
    }

    /**
     * {@code convoy.consumer.lag{group,topic}}: how far the groups of the service's consumer bindings are behind,
     * counted every {@code convoy.inbox.lag-every} with Boot's Kafka admin settings on the binder's brokers.
     */
    @Bean
    ConsumerLag consumerLag(KafkaAdmin kafkaAdmin, @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
            ObjectProvider<BindingService> bindings, MeterRegistry meters,
            @Value("${convoy.inbox.lag-every:15s}") Duration every) {
        Map<String, Object> settings = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        return new ConsumerLag(settings, () -> {
            BindingService service = bindings.getIfAvailable();
            return service == null ? Map.of() : ConsumerLag.readsOf(service);
        }, meters, every);
    }

    /**
     * Retries and dead letters of every consumer binding, with a store outage waited out rather than dead-lettered. Its
     * dead letters go out through Boot's producer settings ({@code spring.kafka.*}) with byte-array serializers. The
     * binder takes one container customizer: a service that declares its own replaces this one, and then answers for
     * store outages itself (it can hand the bindings it does not treat to a {@link ConsumerErrorHandling}).
     */
    @Bean
    @ConditionalOnMissingBean(ListenerContainerCustomizer.class)
    ConsumerErrorHandling consumerErrorHandling(ProducerFactory<?, ?> producers, MeterRegistry meters) {
        return ConsumerErrorHandling.over(producers, meters);
    }

    /**
     * The service's dead letters for its status: the records on its bindings' dead-letter topics, unless the service
     * counts its own ({@link DeadLetterCounter}).
     */
    @Bean
    @ConditionalOnMissingBean(DeadLetterCounter.class)
    KafkaDeadLetterCounter deadLetterCounter(ObjectProvider<ConsumerErrorHandling> errorHandling, KafkaAdmin admin) {
        return new KafkaDeadLetterCounter(() -> errorHandling.stream()
                .flatMap(handling -> handling.deadLetterTopics().stream()).distinct().sorted().toList(),
                admin.getConfigurationProperties());
    }

    @Bean
    EventConsumers eventConsumers(ProcessedEvents processed, EventCodec codec, MeterRegistry meters,
            TraceContexts contexts) {
        return new EventConsumers(processed, codec, meters, contexts);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
    static class Web {

        /** Request bodies' strings in Unicode normalization form C. */
        @Bean
        JacksonModule nfcStrings() {
            return NfcStrings.module();
        }

        /**
         * The service's state for the organizer console's system panel, at {@code convoy.system.path} (each service
         * names its own, under its gateway route).
         */
        @Bean
        @ConditionalOnProperty("convoy.system.path")
        SystemStatusController systemStatusController(@Value("${spring.application.name}") String service,
                OutboxRelay outbox, DeadLetterCounter deadLetters, ObjectProvider<SystemCounts> counts,
                OrganizerScope scope) {
            return new SystemStatusController(service, outbox, deadLetters, counts.orderedStream().toList(), scope,
                    Clock.systemUTC());
        }

        @Bean
        ProblemDetailsAdvice problemDetailsAdvice() {
            return new ProblemDetailsAdvice();
        }

        @Bean
        FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
            FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }

        @Bean
        FilterRegistrationBean<PublicCallLimitFilter> publicCallLimitFilter(PublicCallLimits limits) {
            FilterRegistrationBean<PublicCallLimitFilter> registration =
                    new FilterRegistrationBean<>(new PublicCallLimitFilter(limits));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
            return registration;
        }

        @Bean
        FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(WebLimitsProperties limits) {
            FilterRegistrationBean<RequestBodyLimitFilter> registration =
                    new FilterRegistrationBean<>(new RequestBodyLimitFilter(limits.maxRequestBody().toBytes()));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return registration;
        }
    }
}
