package org.convoy.notification.deadletter;

import java.util.UUID;

/**
 * A notice failed for good (refused by its channel, or out of attempts). The sender announces it inside the service;
 * the dead-letter feature puts it on the dead-letter topic, for organizers to see and replay.
 */
public record NoticeGaveUp(String noticeId, UUID delegateId, String channel, String kind, int attempts, String error) {
}
