package org.convoy.scheduling.convoy;

/**
 * A convoy was created as a copy of another: features that keep something per convoy (the host catalogue) copy
 * what still fits the new one. Published inside the service, after the new convoy is stored.
 *
 * @param sourceId the convoy copied from
 * @param copyId   the new convoy
 */
public record ConvoyCopied(String sourceId, String copyId) {
}
