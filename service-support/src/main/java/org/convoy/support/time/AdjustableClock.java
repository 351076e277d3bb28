package org.convoy.support.time;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's clock: the system's, moved by the offset a file holds (an ISO-8601 duration such as {@code P1DT-2H}
 * or {@code PT0S}), for demos and for tests that walk through a convoy's week on a running platform. The file is
 * looked at no more than once per {@code checkEvery}, and read again only when its modification time or size
 * changed (or within two seconds of a change), so reading the clock stays cheap. A file that is missing means no offset; one that does not hold a
 * duration leaves the last offset in force, with a warning. Without a file this is the system clock.
 */
public final class AdjustableClock extends Clock {

    private static final Logger log = LoggerFactory.getLogger(AdjustableClock.class);

    /** A file changed this recently is read again even when its time and size look the same. */
    private static final Duration RECENT = Duration.ofSeconds(2);

    private final Clock system;
    private final Path file;
    private final long checkEveryNanos;
    private volatile Duration offset = Duration.ZERO;
    private volatile long checkedAt;
    private volatile boolean checkedOnce;
    private volatile Object seen;

    /**
     * @param system     the clock the offset moves
     * @param file       the file that holds the offset, or {@code null} for none
     * @param checkEvery how often, at most, the file is looked at
     */
    public AdjustableClock(Clock system, Path file, Duration checkEvery) {
        this.system = system;
        this.file = file;
        this.checkEveryNanos = checkEvery.toNanos();
    }

    /** The system clock moved by the offset in {@code file}, looked at every 200 ms at most. */
    public static AdjustableClock of(Path file) {
        AdjustableClock clock = new AdjustableClock(Clock.systemUTC(), file, Duration.ofMillis(200));
        if (file != null) {
            log.atWarn().addKeyValue("file", file).addKeyValue("offset", clock.offset())
                    .log("The platform clock follows a file: for demos and tests only");
        }
        return clock;
    }

    /** The clock tokens and their expiry are checked against: the system's, whatever offset the platform runs at. */
    public static Clock real(Clock clock) {
        return clock instanceof AdjustableClock adjustable ? adjustable.system : clock;
    }

    /** Whether a file may move this clock. */
    public boolean adjustable() {
        return file != null;
    }

    /** The offset in force now. */
    public Duration offset() {
        refresh();
        return offset;
    }

    @Override
    public Instant instant() {
        refresh();
        return system.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    private void refresh() {
        if (file == null) {
            return;
        }
        long now = System.nanoTime();
        if (checkedOnce && now - checkedAt < checkEveryNanos) {
            return;
        }
        synchronized (this) {
            if (checkedOnce && now - checkedAt < checkEveryNanos) {
                return;
            }
            read();
            checkedAt = System.nanoTime();
            checkedOnce = true;
        }
    }

    private void read() {
        Object version;
        boolean recent;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            version = new Version(attributes.lastModifiedTime(), attributes.size());
            // File times are coarse: two writes of the same length a few milliseconds apart may share one.
            recent = System.currentTimeMillis() - attributes.lastModifiedTime().toMillis() < RECENT.toMillis();
        } catch (NoSuchFileException missing) {
            version = "missing";
            recent = false;
        } catch (IOException e) {
            log.atWarn().addKeyValue("file", file).log("The clock file cannot be read; the offset stays " + offset);
            return;
        }
        if (version.equals(seen) && !recent) {
            return;
        }
        seen = version;
        if ("missing".equals(version)) {
            offset = Duration.ZERO;
            return;
        }
        try {
            Duration read = Duration.parse(Files.readString(file, StandardCharsets.UTF_8).strip());
            if (!read.equals(offset)) {
                log.atInfo().addKeyValue("file", file).addKeyValue("offset", read).log("Platform clock moved");
            }
            offset = read;
        } catch (DateTimeParseException | IOException e) {
            log.atWarn().addKeyValue("file", file)
                    .log("The clock file does not hold an ISO-8601 duration such as P1DT-2H; the offset stays " + offset);
        }
    }

    private record Version(FileTime modified, long size) {
    }
}
