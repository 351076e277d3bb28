package org.convoy.notification.notice.channel;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** Every notice channel of this service, in the order they are tried. */
@Component
public class Channels {

    private final List<NoticeChannel> all;

    Channels(List<NoticeChannel> channels) {
        this.all = channels.stream().sorted(Comparator.comparingInt(NoticeChannel::order)).toList();
    }

    public List<NoticeChannel> all() {
        return all;
    }

    public List<String> names() {
        return all.stream().map(NoticeChannel::name).toList();
    }

    public Optional<NoticeChannel> named(String name) {
        return all.stream().filter(channel -> channel.name().equals(name)).findFirst();
    }

    /** The channels of this form. */
    public List<NoticeChannel> of(NoticeChannel.Form form) {
        return all.stream().filter(channel -> channel.form() == form).toList();
    }
}
