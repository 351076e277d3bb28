package org.convoy.notification.notice;

import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.convoy.notification.contact.PreferenceLinks;
import org.convoy.notification.contact.domain.Contact;
import org.convoy.notification.contact.domain.ContactRepository;
import org.convoy.notification.notice.channel.Channels;
import org.convoy.notification.notice.channel.NoticeChannel;
import org.convoy.support.problem.FieldProblemException;
import org.convoy.support.problem.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * A person's notice preferences, reached through the signed link at the foot of every email: per channel and per
 * kind of routine notice, a set of opt-outs ({@code SMS} for no routine text at all, {@code WHATSAPP:agenda-digest}
 * for no day-before agenda by WhatsApp). What she must know (her personal link, decisions on her registration, her
 * meetings and changes to them) still arrives.
 */
@Service
public class NoticePreferences {

    /** The notices a person may turn off: routine ones. */
    public static final List<String> ROUTINE_KINDS = List.of("approved", "withdrawn", "agenda-digest",
            "meeting-reminder", "meeting-survey");

    private final PreferenceLinks links;
    private final ContactRepository contacts;
    private final Channels channels;
    private final Clock clock;

    NoticePreferences(PreferenceLinks links, ContactRepository contacts, Channels channels, Clock clock) {
        this.links = links;
        this.contacts = contacts;
        this.channels = channels;
        this.clock = clock;
    }

    /**
     * @param channels the channels that reach her, in the order they are tried
     * @param kinds    the routine notices she may turn off
     * @param optOuts  what she turned off
     */
    public record Choice(List<String> channels, List<String> kinds, Set<String> optOuts) {
    }

    public Choice read(String token) {
        return choice(contact(token));
    }

    /** @throws FieldProblemException for an opt-out naming a channel or kind there is none of */
    public Choice change(String token, Collection<String> optOuts) {
        Contact contact = contact(token);
        for (String optOut : optOuts) {
            String[] parts = optOut.split(":", -1);
            if (parts.length > 2 || channels.named(parts[0]).isEmpty()
                    || parts.length == 2 && !ROUTINE_KINDS.contains(parts[1])) {
                throw new FieldProblemException("optOuts", "must each be a channel (" + String.join(", ",
                        channels.names()) + "), or a channel and a routine notice (" + String.join(", ", ROUTINE_KINDS)
                        + ") as CHANNEL:kind");
            }
        }
        return choice(contacts.save(contact.withOptOuts(new TreeSet<>(optOuts), clock.instant())));
    }

    /** One-click unsubscribe from mail programs (RFC 8058): no more routine email. */
    public Choice unsubscribe(String token) {
        Contact contact = contact(token);
        Set<String> optOuts = new HashSet<>(contact.optOuts() == null ? Set.of() : contact.optOuts());
        optOuts.add("EMAIL");
        return choice(contacts.save(contact.withOptOuts(optOuts, clock.instant())));
    }

    private Choice choice(Contact contact) {
        List<String> reaching = channels.all().stream()
                .filter(channel -> contact.channels() != null && contact.channels().contains(channel.name())
                        && channel.address(contact).isPresent())
                .map(NoticeChannel::name).toList();
        return new Choice(reaching, ROUTINE_KINDS,
                new TreeSet<>(contact.optOuts() == null ? Set.of() : contact.optOuts()));
    }

    private Contact contact(String token) {
        return links.verify(token).flatMap(contacts::findById).orElseThrow(() -> new NotFoundException(
                "No such preferences", "This link does not lead to any notice preferences."));
    }
}
