package org.convoy.scheduling.report;

import java.util.Map;
import java.util.UUID;

/**
 * What happened at a convoy's meetings, as the report reads it: who checked in, who was excused, who did not come,
 * and what attendees answered in the survey after each meeting. The feature that records check-ins and survey answers
 * gives this port as a bean; until one does, the report says that nothing was recorded yet.
 */
public interface MeetingOutcomes {

    /** Nothing recorded for any meeting. */
    MeetingOutcomes NONE_YET = new MeetingOutcomes() {
        @Override
        public Map<UUID, Attendance> attendance(String convoyId) {
            return Map.of();
        }

        @Override
        public Map<UUID, Feedback> feedback(String convoyId) {
            return Map.of();
        }
    };

    /** The attendance recorded for the convoy's meetings, by meeting id; a meeting left out has no check-in yet. */
    Map<UUID, Attendance> attendance(String convoyId);

    /** The survey answers given on the convoy's meetings, by meeting id; a meeting left out has no answer yet. */
    Map<UUID, Feedback> feedback(String convoyId);

    /**
     * @param checkedIn attendees who checked in at the venue
     * @param excused   attendees excused beforehand, who count neither as present nor as absent
     * @param noShows   attendees neither checked in nor excused once the meeting was over
     */
    record Attendance(int checkedIn, int excused, int noShows) {

        /** Those expected at the meeting: everyone not excused. */
        int expected() {
            return checkedIn + noShows;
        }
    }

    /**
     * @param answers    how many attendees answered the survey
     * @param scoreTotal the sum of their scores (each from 1 to 5)
     */
    record Feedback(int answers, int scoreTotal) {
    }
}
