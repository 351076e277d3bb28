package org.convoy.notification.notice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import org.convoy.events.ConvoyEvent;
import org.convoy.events.DelegateEvent;
import org.convoy.notification.contact.Contacts;
import org.convoy.notification.contact.domain.Contact;
import org.convoy.notification.contact.PreferenceLinks;
import org.convoy.notification.contact.domain.ContactRepository;
import org.convoy.notification.deadletter.ContactNotKnownYet;
import org.convoy.notification.deadletter.NoticeGaveUp;
import org.convoy.notification.notice.domain.Notice;
import org.convoy.notification.notice.domain.NoticeLedger;
import org.convoy.notification.notice.mail.EmailChannel;
import org.convoy.notification.notice.sms.SmsBudget;
import org.convoy.notification.notice.sms.SmsProvider;
import org.convoy.support.sms.TextDestinations;
import org.convoy.support.tracing.SpanTags;
import org.convoy.support.tracing.TraceContexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;

/**
 * Sends one notice about one event to one delegate, in the delegate's language, by email (plain text with an HTML
 * alternative and, for meetings, a calendar invitation) and, when they chose SMS and gave a mobile number, by text.
 * Each (event, delegate, channel) is claimed in the ledger before it is sent, so a redelivered event sends nothing
 * twice; once claimed, a notice goes to a sending lane ({@link SendingLanes}) and the consumer moves on. Texts come
 * from {@code messages*.properties}: {@code <kind>.subject}, {@code <kind>.body} and {@code <kind>.sms}. Routine
 * notices respect the delegate's opt-outs; texts that can wait are held through quiet hours.
 *
 * <p>A notice to a delegate whose contact is not known yet is not dropped: the sender sends every other notice of
 * the event and then throws {@link ContactNotKnownYet} naming the delegates it could not reach, so the event is
 * tried again and, failing that, becomes a dead letter. An erased delegate is owed nothing and is skipped.
 */
@Service
public class NoticeSender {

    private static final Logger log = LoggerFactory.getLogger(NoticeSender.class);

    private final NoticeLedger ledger;
    private final ContactRepository contacts;
    private final Contacts known;
    private final EmailChannel email;
    private final SmsProvider sms;
    private final MessageSource messages;
    private final MailRenderer renderer;
    private final PreferenceLinks preferences;
    private final QuietHoursProperties quietHours;
    private static final Duration[] LATENCY_BUCKETS = { Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
            Duration.ofHours(1), Duration.ofHours(12) };

    private final MeterRegistry meters;
    private final RetryProperties retry;
    private final Clock clock;
    private final ApplicationEventPublisher failures;
    private final TextDestinations destinations;
    private final SmsBudget budget;
    private final SendingLanes lanes;
    private final TraceContexts contexts;

    NoticeSender(NoticeLedger ledger, ContactRepository contacts, Contacts known, EmailChannel email, SmsProvider sms,
            MessageSource messages, MailRenderer renderer, PreferenceLinks preferences, QuietHoursProperties quietHours,
            MeterRegistry meters, RetryProperties retry, Clock clock, ApplicationEventPublisher failures,
            TextDestinations destinations, SmsBudget budget, SendingLanes lanes, TraceContexts contexts) {
        this.contexts = contexts;
        this.ledger = ledger;
        this.contacts = contacts;
        this.known = known;
        this.email = email;
        this.sms = sms;
        this.messages = messages;
        this.renderer = renderer;
        this.preferences = preferences;
        this.quietHours = quietHours;
        this.meters = meters;
        this.retry = retry;
        this.clock = clock;
        this.failures = failures;
        this.destinations = destinations;
        this.budget = budget;
        this.lanes = lanes;
    }

    /**
     * A notice about a delegate event, to that delegate, with no meeting.
     *
     * @param kind  which texts, chosen from the delegate's contact (e.g. waitlisted or not)
     * @param args  the values the texts show, {@code {0}} onwards
     * @param bySms whether this notice also goes out as a text to delegates who chose SMS
     */
    public void send(DelegateEvent event, Function<Contact, String> kind, Function<Contact, Object[]> args, boolean bySms,
            Outgoing.Importance importance) {
        send(new Outgoing(event, event.delegateId(), null, kind, args, bySms, importance, null, null, null));
    }

    /**
     * Of these delegates, those whose notice of this event on this channel is recorded already (sent, waiting or
     * skipped): a job that finds the same notices due at every pass asks this first, in one query, and leaves them.
     */
    public Set<UUID> recorded(UUID eventId, Notice.Channel channel, Collection<UUID> delegateIds) {
        Set<String> ids = ledger.recorded(delegateIds.stream().map(id -> Notice.idOf(eventId, id, channel)).toList());
        return delegateIds.stream().filter(id -> ids.contains(Notice.idOf(eventId, id, channel)))
                .collect(Collectors.toSet());
    }

    /**
     * Sends one notice, or records why it is not sent (opted out, quiet hours); nothing when it was sent before.
     *
     * @throws ContactNotKnownYet when the delegate's contact is not known (and they were not erased)
     */
    public void send(Outgoing outgoing) {
        sendEach(List.of(outgoing));
    }

    /**
     * Sends the notices of one event to each of its delegates, as {@link #send(Outgoing)} does, then names in one
     * {@link ContactNotKnownYet} every delegate whose contact it did not know: the others are notified now, and not
     * again when the event is tried again.
     *
     * @param outgoing notices caused by the same event
     */
    public void sendEach(List<Outgoing> outgoing) {
        List<UUID> unknown = outgoing.stream().filter(notice -> !sendIfKnown(notice)).map(Outgoing::delegateId)
                .distinct().toList();
        if (!unknown.isEmpty()) {
            Outgoing first = outgoing.get(0);
            throw new ContactNotKnownYet(first.event().eventId(), typeOf(first.event()), first.meetingId(), unknown);
        }
    }

    /** @return false when the delegate's contact is not known: nothing was sent or recorded */
    private boolean sendIfKnown(Outgoing outgoing) {
        Optional<Contact> found = contacts.findById(outgoing.delegateId());
        if (found.isEmpty()) {
            boolean erased = known.erased(outgoing.delegateId());
            about(log.atInfo(), outgoing).addKeyValue("eventType", typeOf(outgoing.event()))
                    .log(erased ? "The delegate was erased; no notice"
                            : "No contact known for this delegate; the notice is not sent yet");
            return erased;
        }
        Contact contact = found.get();
        String chosen = outgoing.kind().apply(contact);
        Locale locale = Locale.forLanguageTag(contact.language());
        Object[] values = outgoing.args().apply(contact);
        boolean routine = outgoing.importance() == Outgoing.Importance.ROUTINE;
        if (outgoing.byEmail() && contact.email() != null) {
            String subject = messages.getMessage(chosen + ".subject", values, locale);
            String footer = messages.getMessage("footer.preferences", null, locale) + ": "
                    + preferences.url(contact.id());
            String body = messages.getMessage(chosen + ".body", values, locale);
            Outgoing.CheckIn checkIn = outgoing.checkIn();
            String pass = checkIn == null ? null
                    : messages.getMessage("check-in.pass", new Object[] { checkIn.code() }, locale);
            String text = body + (pass == null ? "" : "\n\n" + pass) + "\n\n--\n" + footer;
            String html = renderer.html(locale, subject, body,
                    outgoing.meeting() == null ? null : outgoing.meeting().apply(contact),
                    checkIn == null ? null : new MailRenderer.Pass(pass, checkIn.code()), preferences.url(contact.id()));
            String calendar = outgoing.calendar() == null ? null : outgoing.calendar().apply(contact);
            Notice.Message message = new Notice.Message(contact.email(), subject, text, html, calendar,
                    checkIn == null ? null : checkIn.pass());
            if (routine && contact.emailOptOut()) {
                hold(outgoing, Notice.Channel.EMAIL, chosen, message, Notice.Status.SKIPPED, null,
                        "The delegate opted out of routine email");
            } else {
                deliver(outgoing, Notice.Channel.EMAIL, chosen, message);
            }
        }
        if (outgoing.bySms() && contact.phone() != null && contact.channels() != null
                && contact.channels().contains(Notice.Channel.SMS.name())) {
            Notice.Message message = new Notice.Message(contact.phone(), "",
                    messages.getMessage(chosen + ".sms", values, locale));
            ZoneId zone = outgoing.zone() != null ? outgoing.zone() : contact.homeZone();
            Optional<Instant> quietUntil = outgoing.importance() == Outgoing.Importance.URGENT ? Optional.empty()
                    : quietHours.holdUntil(clock.instant(), zone);
            if (!contact.textsConfirmed()) {
                hold(outgoing, Notice.Channel.SMS, chosen, message, Notice.Status.SKIPPED, null,
                        "The number is not confirmed yet: texts start once the delegate opens her personal link "
                                + "or an organizer approves her");
            } else if (routine && contact.smsOptOut()) {
                hold(outgoing, Notice.Channel.SMS, chosen, message, Notice.Status.SKIPPED, null,
                        "The delegate opted out of routine texts");
            } else if (quietUntil.isPresent()) {
                hold(outgoing, Notice.Channel.SMS, chosen, message, Notice.Status.DEFERRED, quietUntil.get(),
                        "Quiet hours in " + zone.getId());
            } else {
                deliver(outgoing, Notice.Channel.SMS, chosen, message);
            }
        }
        return true;
    }

    private void hold(Outgoing outgoing, Notice.Channel channel, String kind, Notice.Message message,
            Notice.Status status, Instant until, String why) {
        ConvoyEvent event = outgoing.event();
        boolean recorded = ledger.hold(event.eventId(), typeOf(event), outgoing.delegateId(),
                outgoing.meetingId(), channel, kindName(kind), message, clock.instant(), status, until, why);
        count(channel, kind, recorded ? status.name().toLowerCase(Locale.ROOT) : "duplicate");
        about(log.atInfo(), outgoing).addKeyValue("channel", channel).addKeyValue("status", status).log(why);
    }

    private void deliver(Outgoing outgoing, Notice.Channel channel, String kind, Notice.Message message) {
        ConvoyEvent event = outgoing.event();
        var claimed = ledger.claim(event.eventId(), typeOf(event), outgoing.delegateId(),
                outgoing.meetingId(), channel, kindName(kind), message, clock.instant());
        if (claimed.isEmpty()) {
            count(channel, kind, "duplicate");
            about(log.atInfo(), outgoing).addKeyValue("channel", channel)
                    .log("Notice already recorded for this event; not sending again");
            return;
        }
        lanes.send(outgoing.delegateId(), claimed.get().id(), () -> {
            if (attempt(claimed.get())) {
                Duration sinceEvent = Duration.between(event.occurredAt(), clock.instant());
                if (!sinceEvent.isNegative()) {
                    Timer.builder("convoy.notification.latency").tag("channel", channel.name()).tag("kind", kind)
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

    /** A log line about a notice still to be sent: the event, the delegate and the meeting, if any. */
    private static LoggingEventBuilder about(LoggingEventBuilder line, Outgoing outgoing) {
        line.addKeyValue("eventId", outgoing.event().eventId()).addKeyValue("delegateId", outgoing.delegateId());
        return outgoing.meetingId() == null ? line : line.addKeyValue("meetingId", outgoing.meetingId());
    }

    /** A log line about a notice in the ledger: its id, its event, its delegate and its meeting, if any. */
    private static LoggingEventBuilder about(LoggingEventBuilder line, Notice notice) {
        line.addKeyValue("noticeId", notice.id()).addKeyValue("eventId", notice.eventId())
                .addKeyValue("delegateId", notice.delegateId());
        return notice.meetingId() == null ? line : line.addKeyValue("meetingId", notice.meetingId());
    }

    private static String kindName(String kind) {
        return kind.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /**
     * Sends a claimed notice once. When the channel is down the notice is scheduled again with a growing delay
     * (and given up as DEAD after the last attempt); a permanent refusal is recorded as FAILED. Never throws for a
     * channel failure, so the event that caused the notice is not redelivered.
     *
     * @return whether it was sent
     */
    boolean attempt(Notice notice) {
        String kind = notice.kind().toLowerCase(Locale.ROOT).replace('_', '-');
        // A span of the trace that recorded the notice, on the consumer's thread, a sending lane or the retrier's
        // pass alike; ids only, never the address or number it goes to.
        Span span = contexts.startChildOf(notice.traceparent(), "notice send").tag(SpanTags.CHANNEL,
                notice.channel().name().toLowerCase(Locale.ROOT)).tag(SpanTags.KIND, kind)
                .tag(SpanTags.NOTICE_ID, notice.id()).tag(SpanTags.DELEGATE_ID, String.valueOf(notice.delegateId()))
                .tag(SpanTags.EVENT_ID, String.valueOf(notice.eventId()))
                .tag(SpanTags.ATTEMPT, String.valueOf(notice.attempts()));
        if (notice.meetingId() != null) {
            span.tag(SpanTags.MEETING_ID, notice.meetingId().toString());
        }
        return contexts.within(span, notice.correlationId(), () -> {
            boolean sent = attempt(notice, kind);
            span.tag("sent", String.valueOf(sent));
            return sent;
        });
    }

    private boolean attempt(Notice notice, String kind) {
        try {
            if (notice.channel() == Notice.Channel.EMAIL) {
                email.send(notice.id(), notice.message(), preferences.unsubscribeUrl(notice.delegateId()));
            } else {
                String to = notice.message().to();
                if (!destinations.allows(to)) {
                    throw new SmsProvider.PermanentSmsFailure("Not a number the platform may text (" + destinations.refusal()
                            + ")");
                }
                Optional<Instant> nextHour = budget.holdUntil(to);
                if (nextHour.isPresent()) {
                    ledger.deferred(notice, nextHour.get(), "The hourly texting budget is spent; sent in the next hour");
                    count(notice.channel(), kind, "over_budget");
                    about(log.atWarn(), notice).addKeyValue("until", nextHour.get())
                            .log("Texting budget spent; text waits for the next hour");
                    return false;
                }
                sms.send(to, notice.message().text());
            }
        } catch (SmsProvider.PermanentSmsFailure e) {
            ledger.failed(notice, e.getMessage());
            gaveUp(notice, e.getMessage());
            count(notice.channel(), kind, "failed");
            about(log.atWarn(), notice).log("Notice refused by the provider; not retried");
            return false;
        } catch (MailException | SmsProvider.TransientSmsFailure e) {
            if (notice.attempts() >= retry.maxAttempts()) {
                ledger.dead(notice, e.getMessage());
                gaveUp(notice, e.getMessage());
                count(notice.channel(), kind, "dead");
                about(log.atError(), notice).addKeyValue("attempts", notice.attempts())
                        .log("Notice given up after its last attempt");
            } else {
                Duration delay = retry.delayAfter(notice.attempts());
                if (e instanceof SmsProvider.TransientSmsFailure sms && sms.retryAfter() != null
                        && sms.retryAfter().compareTo(delay) > 0) {
                    delay = sms.retryAfter();
                }
                ledger.retryLater(notice, e.getMessage(), clock.instant().plus(delay));
                count(notice.channel(), kind, "retried");
                about(log.atWarn(), notice).addKeyValue("attempts", notice.attempts())
                        .addKeyValue("retryIn", delay).log("Channel unavailable; notice will be tried again");
            }
            return false;
        }
        ledger.sent(notice, clock.instant());
        count(notice.channel(), kind, "sent");
        about(log.atInfo(), notice).addKeyValue("attempts", notice.attempts()).log("Notice sent");
        return true;
    }

    private void gaveUp(Notice notice, String error) {
        failures.publishEvent(new NoticeGaveUp(notice.id(), notice.delegateId(), notice.channel().name(), notice.kind(),
                notice.attempts(), error));
    }

    private void count(Notice.Channel channel, String kind, String outcome) {
        Counter.builder("convoy.notification.notices").tag("channel", channel.name()).tag("kind", kind)
                .tag("outcome", outcome).register(meters).increment();
    }
}
