package org.convoy.scheduling.meeting.domain;

/** A meeting is planned as a draft, confirmed (attendees are told), and may be cancelled afterwards. */
public enum MeetingStatus { DRAFT, CONFIRMED, CANCELLED }
