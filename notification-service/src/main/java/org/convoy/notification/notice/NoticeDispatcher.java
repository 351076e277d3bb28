package org.convoy.notification.notice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import org.convoy.events.ConvoyEvent;
import org.convoy.notification.contact.domain.Contact;
import org.convoy.notification.deadletter.NoticeGaveUp;
import org.convoy.notification.notice.channel.ChannelFailure;
import org.convoy.notification.notice.channel.Channels;
import org.convoy.notification.notice.channel.NoticeChannel;
import org.convoy.notification.notice.domain.Notice;
import org.convoy.notification.notice.domain.NoticeLedger;
import org.convoy.support.tracing.SpanTags;
import org.convoy.support.tracing.TraceContexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Dispatches notices composed for people on the channels they chose, naming no channel: each {@link NoticeChannel}
 * says whether it carries a notice, to which address, and how its provider answered. Each (event, person, channel) is
 * claimed in the ledger before it is sent, so a redelivered event sends nothing twice; once claimed, a notice goes to a
 * sending lane ({@link SendingLanes}) and the consumer moves on. Routine notices respect the person's opt-outs (per
 * channel and kind); channels that wait out quiet hours hold what can wait; a channel that needs a confirmed address
 * holds everything until she confirms it. A transient failure is retried with a growing delay and given up as DEAD
 * after the last attempt; a permanent one is FAILED; either way a notice whose channel has a fallback she chose
 * (WhatsApp, then SMS) is sent there, once.
 */
@Service
public class NoticeDispatcher {

    private static final Logger log = LoggerFactory.getLogger(NoticeDispatcher.class);

    private static final Duration[] LATENCY_BUCKETS = { Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
            Duration.ofHours(1), Duration.ofHours(12) };

    /** How old a notice that waited for a number to be confirmed may be and still go out once it is. */
    static final Duration STILL_WORTH_SENDING = Duration.ofHours(24);

    private final NoticeLedger ledger;
    private final Channels channels;
    private final QuietHoursProperties quietHours;
    private final MeterRegistry meters;
    private final RetryProperties retry;
    private final Clock clock;
    private final ApplicationEventPublisher failures;
    private final SendingLanes lanes;
    private final TraceContexts contexts;

    NoticeDispatcher(NoticeLedger ledger, Channels channels, QuietHoursProperties quietHours, MeterRegistry meters,
            RetryProperties retry, Clock clock, ApplicationEventPublisher failures, SendingLanes lanes,
            TraceContexts contexts) {
        this.ledger = ledger;
        this.channels = channels;
        this.quietHours = quietHours;
        this.meters = meters;
        this.retry = retry;
        this.clock = clock;
        this.failures = failures;
        this.lanes = lanes;
        this.contexts = contexts;
    }

    /** Sends one notice on each channel it goes by, or records why not (opted out, quiet hours, unconfirmed number). */
    public void send(Outgoing outgoing) {
        send(List.of(outgoing));
    }

    /** Sends each notice as {@link #send(Outgoing)} does; nothing for those sent before. */
    public void send(List<Outgoing> outgoing) {
        outgoing.forEach(this::dispatch);
    }

    /**
     * She confirmed her number: notices held for it since the day before are due now (the retrier sends them); older
     * ones, which would come too late to matter (a reminder of a meeting gone by), are skipped.
     */
    public void numberConfirmed(UUID id) {
        List<String> waiting = channels.all().stream().filter(NoticeChannel::needsConfirmedAddress)
                .map(NoticeChannel::name).toList();
        long released = waiting.isEmpty() ? 0
                : ledger.confirmed(id, waiting, clock.instant(), clock.instant().minus(STILL_WORTH_SENDING));
        if (released > 0) {
            log.atInfo().addKeyValue("delegateId", id).addKeyValue("notices", released)
                    .log("Number confirmed; the notices that waited for it are due");
        }
    }

    /**
     * Of these people, those whose notice of this event on some channel of this form is recorded already (sent,
     * waiting or skipped): a job that finds the same notices due at every pass asks this first, in one query.
     */
    public Set<UUID> recorded(UUID eventId, NoticeChannel.Form form, Collection<UUID> ids) {
        List<String> names = channels.of(form).stream().map(NoticeChannel::name).toList();
        Set<String> recorded = ledger.recorded(ids.stream()
                .flatMap(id -> names.stream().map(name -> Notice.idOf(eventId, id, name))).toList());
        return ids.stream().filter(id -> names.stream().anyMatch(name -> recorded.contains(Notice.idOf(eventId, id,
                name)))).collect(Collectors.toSet());
    }

    /** A channel that carries this notice to this person, with the message it would send. */
    private record Route(NoticeChannel channel, Notice.Message message) {
    }

    private void dispatch(Outgoing outgoing) {
        Contact contact = outgoing.to();
        List<Route> routes = new ArrayList<>();
        for (NoticeChannel channel : channels.all()) {
            if (!outgoing.forms().contains(channel.form()) || contact.channels() == null
                    || !contact.channels().contains(channel.name())) {
                continue;
            }
            channel.address(contact).flatMap(address -> channel.compose(outgoing.content(), contact, address))
                    .ifPresent(message -> routes.add(new Route(channel, message)));
        }
        for (Route route : routes) {
            if (routes.stream().anyMatch(other -> other.channel().fallback()
                    .filter(route.channel().name()::equals).isPresent()
                    && !optedOut(outgoing, other.channel()))) {
                continue; // carried only if the channel it backs up fails, or is opted out of
            }
            Notice.Fallback fallback = route.channel().fallback()
                    .flatMap(name -> routes.stream().filter(other -> other.channel().name().equals(name)).findFirst())
                    .filter(other -> !optedOut(outgoing, other.channel()))
                    .map(other -> new Notice.Fallback(other.channel().name(), other.message())).orElse(null);
            route(outgoing, route, fallback);
        }
    }

    private static boolean optedOut(Outgoing outgoing, NoticeChannel channel) {
        return outgoing.importance().optional() && outgoing.to().optedOut(channel.name(), outgoing.content().kind());
    }

    private void route(Outgoing outgoing, Route route, Notice.Fallback fallback) {
        NoticeChannel channel = route.channel();
        Contact contact = outgoing.to();
        NoticeLedger.Draft draft = new NoticeLedger.Draft(outgoing.event().eventId(), typeOf(outgoing.event()),
                contact.id(), outgoing.meetingId(), channel.name(), kindName(outgoing.content().kind()),
                route.message(), fallback, null);
        ZoneId zone = outgoing.zone() != null ? outgoing.zone() : contact.homeZone();
        Optional<Instant> quietUntil = channel.waitsOutQuietHours() && outgoing.importance().waitsOutQuietHours()
                ? quietHours.holdUntil(clock.instant(), zone) : Optional.empty();
        if (optedOut(outgoing, channel)) {
            hold(outgoing, draft, Notice.Status.SKIPPED, null, "Opted out of " + outgoing.content().kind() + " by "
                    + channel.name());
        } else if (channel.needsConfirmedAddress() && !contact.textsConfirmed()) {
            hold(outgoing, draft, Notice.Status.DEFERRED, null, "The number is not confirmed yet: this waits until the "
                    + "person opens her personal link or an organizer approves her");
        } else if (quietUntil.isPresent()) {
            hold(outgoing, draft, Notice.Status.DEFERRED, quietUntil.get(), "Quiet hours in " + zone.getId());
        } else {
            deliver(outgoing, draft);
        }
    }

    private void hold(Outgoing outgoing, NoticeLedger.Draft draft, Notice.Status status, Instant until, String why) {
        boolean recorded = ledger.hold(draft, clock.instant(), status, until, why);
        count(draft.channel(), outgoing.content().kind(),
                recorded ? status.name().toLowerCase(Locale.ROOT) : "duplicate");
        about(log.atInfo(), outgoing).addKeyValue("channel", draft.channel()).addKeyValue("status", status).log(why);
    }

    private void deliver(Outgoing outgoing, NoticeLedger.Draft draft) {
        var claimed = ledger.claim(draft, clock.instant());
        if (claimed.isEmpty()) {
            count(draft.channel(), outgoing.content().kind(), "duplicate");
            about(log.atInfo(), outgoing).addKeyValue("channel", draft.channel())
                    .log("Notice already recorded for this event; not sending again");
            return;
        }
        ConvoyEvent event = outgoing.event();
        lanes.send(outgoing.recipientId(), claimed.get().id(), () -> {
            if (attempt(claimed.get())) {
                Duration sinceEvent = Duration.between(event.occurredAt(), clock.instant());
                if (!sinceEvent.isNegative()) {
                    Timer.builder("convoy.notification.latency").tag("channel", draft.channel())
                            .tag("kind", outgoing.content().kind())
                            .description("From the event to the notice handed to the provider")
                            // Buckets for percentiles across instances (histogram_quantile); quiet hours hold some
                            // notices for hours, hence the long tail.
                            .serviceLevelObjectives(LATENCY_BUCKETS).register(meters)
                            .record(sinceEvent);
                }
            }
        });
    }

    /** The event's type as the ledger keeps it. */
    private static String typeOf(ConvoyEvent event) {
        return event.getClass().getSimpleName();
    }

    /** A log line about a notice still to be sent: the event, the person and the meeting, if any. */
    private static LoggingEventBuilder about(LoggingEventBuilder line, Outgoing outgoing) {
        line.addKeyValue("eventId", outgoing.event().eventId()).addKeyValue("delegateId", outgoing.recipientId());
        return outgoing.meetingId() == null ? line : line.addKeyValue("meetingId", outgoing.meetingId());
    }

    /** A log line about a notice in the ledger: its id, its event, its person and its meeting, if any. */
    private static LoggingEventBuilder about(LoggingEventBuilder line, Notice notice) {
        line.addKeyValue("noticeId", notice.id()).addKeyValue("eventId", notice.eventId())
                .addKeyValue("delegateId", notice.delegateId()).addKeyValue("channel", notice.channel());
        return notice.meetingId() == null ? line : line.addKeyValue("meetingId", notice.meetingId());
    }

    private static String kindName(String kind) {
        return kind.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /**
     * Sends a claimed notice once. Never throws for a channel failure, so the event that caused the notice is not
     * redelivered.
     *
     * @return whether it was sent
     */
    boolean attempt(Notice notice) {
        String kind = notice.kind().toLowerCase(Locale.ROOT).replace('_', '-');
        // A span of the trace that recorded the notice, on the consumer's thread, a sending lane or the retrier's
        // pass alike; ids only, never the address or number it goes to.
        Span span = contexts.startChildOf(notice.traceparent(), "notice send").tag(SpanTags.CHANNEL,
                notice.channel().toLowerCase(Locale.ROOT)).tag(SpanTags.KIND, kind)
                .tag(SpanTags.NOTICE_ID, notice.id()).tag(SpanTags.DELEGATE_ID, String.valueOf(notice.delegateId()))
                .tag(SpanTags.EVENT_ID, String.valueOf(notice.eventId()))
                .tag(SpanTags.ATTEMPT, String.valueOf(notice.attempts()));
        if (notice.meetingId() != null) {
            span.tag(SpanTags.MEETING_ID, notice.meetingId().toString());
        }
        if (notice.fallbackOf() != null) {
            span.tag("fallback.of", notice.fallbackOf());
        }
        return contexts.within(span, notice.correlationId(), () -> {
            boolean sent = attempt(notice, kind);
            span.tag("sent", String.valueOf(sent));
            return sent;
        });
    }

    private boolean attempt(Notice notice, String kind) {
        Optional<NoticeChannel> channel = channels.named(notice.channel());
        String providerId;
        try {
            if (channel.isEmpty()) {
                throw new ChannelFailure.Permanent("No channel " + notice.channel() + " on this platform");
            }
            providerId = channel.get().send(notice);
        } catch (ChannelFailure.OverBudget e) {
            ledger.deferred(notice, e.until(), e.getMessage());
            count(notice.channel(), kind, "over_budget");
            about(log.atWarn(), notice).addKeyValue("until", e.until()).log("Channel budget spent; the notice waits");
            return false;
        } catch (ChannelFailure.Permanent e) {
            ledger.failed(notice, e.getMessage());
            gaveUp(notice, e.getMessage(), kind, "failed");
            about(log.atWarn(), notice).log("Notice refused by the provider; not retried");
            return false;
        } catch (ChannelFailure.Transient e) {
            if (notice.attempts() >= retry.maxAttempts()) {
                ledger.dead(notice, e.getMessage());
                gaveUp(notice, e.getMessage(), kind, "dead");
                about(log.atError(), notice).addKeyValue("attempts", notice.attempts())
                        .log("Notice given up after its last attempt");
            } else {
                Duration delay = retry.delayAfter(notice.attempts());
                if (e.retryAfter() != null && e.retryAfter().compareTo(delay) > 0) {
                    delay = e.retryAfter();
                }
                ledger.retryLater(notice, e.getMessage(), clock.instant().plus(delay));
                count(notice.channel(), kind, "retried");
                about(log.atWarn(), notice).addKeyValue("attempts", notice.attempts())
                        .addKeyValue("retryIn", delay).log("Channel unavailable; notice will be tried again");
            }
            return false;
        }
        ledger.sent(notice, clock.instant(), providerId);
        count(notice.channel(), kind, "sent");
        about(log.atInfo(), notice).addKeyValue("attempts", notice.attempts()).log("Notice sent");
        return true;
    }

    /**
     * A provider reports, after taking it, that it could not deliver a message (WhatsApp: the number is not on it, the
     * message expired): the notice fails for good, and goes on its fallback channel if it carries one. A second
     * report of the same message changes nothing.
     *
     * @param channel    the channel whose provider reports
     * @param providerId the provider's id for the message
     * @return whether a sent notice was found for it
     */
    public boolean undelivered(String channel, String providerId, String error) {
        Optional<Notice> sent = ledger.undelivered(channel, providerId, error, clock.instant());
        sent.ifPresent(notice -> contexts.within(contexts.startChildOf(notice.traceparent(), "notice undelivered")
                .tag(SpanTags.CHANNEL, channel.toLowerCase(Locale.ROOT)).tag(SpanTags.NOTICE_ID, notice.id()),
                notice.correlationId(), () -> {
                    about(log.atWarn(), notice).addKeyValue("error", error)
                            .log("The provider could not deliver the notice");
                    gaveUp(notice, error, notice.kind().toLowerCase(Locale.ROOT).replace('_', '-'), "undelivered");
                    return true;
                }));
        return sent.isPresent();
    }

    /** Records that a notice was given up, and sends it on its fallback channel if it carries one. */
    private void gaveUp(Notice notice, String error, String kind, String outcome) {
        count(notice.channel(), kind, outcome);
        failures.publishEvent(new NoticeGaveUp(notice.id(), notice.delegateId(), notice.channel(), notice.kind(),
                notice.attempts(), error));
        ledger.claimFallback(notice, clock.instant()).ifPresent(fallback -> {
            about(log.atInfo(), fallback).addKeyValue("fallbackOf", notice.id())
                    .log("Sending the notice on its fallback channel");
            attempt(fallback);
        });
    }

    private void count(String channel, String kind, String outcome) {
        Counter.builder("convoy.notification.notices").tag("channel", channel).tag("kind", kind)
                .tag("outcome", outcome).register(meters).increment();
    }
}
