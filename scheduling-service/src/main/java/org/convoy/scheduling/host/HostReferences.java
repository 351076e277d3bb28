package org.convoy.scheduling.host;

/** Tells whether meetings still count on a host, so that it is not removed under them. */
public interface HostReferences {

    boolean meetingsWith(String convoyId, String hostId);
}
