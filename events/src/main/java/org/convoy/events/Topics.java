package org.convoy.events;

/** Kafka topics: one per aggregate stream, so the events of one aggregate keep their order. */
public final class Topics {

    /** Delegate stream, keyed by delegate id. */
    public static final String DELEGATES = "convoy.delegates";

    /**
     * Delegate keys, keyed by delegate id and compacted: the keys that seal personal data in the delegate stream, and
     * their destruction on erasure.
     */
    public static final String DELEGATE_KEYS = "convoy.delegate-keys";

    /** Convoy stream, keyed by convoy id: convoy definitions as scheduling publishes them. */
    public static final String CONVOYS = "convoy.convoys";

    /** Organizers' sessions (logouts), keyed by user name: every service keeps the tokens ended before they expire. */
    public static final String SESSIONS = "convoy.sessions";

    /** Host stream, keyed by host id: hosts' contacts, their personal links and their answers about visits. */
    public static final String HOSTS = "convoy.hosts";

    /** Meeting stream, keyed by meeting id. */
    public static final String MEETINGS = "convoy.meetings";

    private Topics() {
    }
}
