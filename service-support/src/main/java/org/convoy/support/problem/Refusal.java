package org.convoy.support.problem;

import java.util.Map;
import java.util.Optional;

/**
 * A request the product refuses for a reason the caller can act on: an unknown thing, a conflict with what exists,
 * a field that does not fit. A feature throws the refusal it means; every service answers it the same way, as
 * {@code application/problem+json} with the status of its {@link Kind}, its title and detail, the field at fault
 * (listed under {@code errors} like validation errors) and any extra properties.
 */
public abstract class Refusal extends RuntimeException {

    /** What kind of refusal, and so which HTTP status answers it. */
    public enum Kind {
        INVALID(400), UNAUTHORIZED(401), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409), GONE(410), UNPROCESSABLE(422),
        BUSY(503);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;
    private final String title;
    private final String detail;
    private final String field;
    private final String fieldMessage;

    protected Refusal(Kind kind, String title, String detail) {
        this(kind, title, detail, null, null);
    }

    /** A refusal that names the field at fault and what is wrong with it. */
    protected Refusal(Kind kind, String title, String detail, String field, String fieldMessage) {
        super(fieldMessage != null ? fieldMessage : detail);
        this.kind = kind;
        this.title = title;
        this.detail = detail;
        this.field = field;
        this.fieldMessage = fieldMessage;
    }

    public Kind kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    public String fieldMessage() {
        return fieldMessage;
    }

    /** Extra members of the problem document (for example the list of broken planning rules). */
    public Map<String, Object> properties() {
        return Map.of();
    }
}
