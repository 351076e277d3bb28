package org.convoy.support.calendar;

import java.util.UUID;

/** One UID per meeting, the same in the agenda feed and in every emailed invitation, so apps merge them. */
public final class CalendarUids {

    private CalendarUids() {
    }

    public static String ofMeeting(UUID meetingId) {
        return meetingId + "@convoy";
    }
}
