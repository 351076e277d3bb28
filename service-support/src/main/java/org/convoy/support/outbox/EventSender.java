package org.convoy.support.outbox;

/** Hands one outbox entry to the broker and returns only once the broker has acknowledged it. */
public interface EventSender {

    void send(OutboxEntry entry) throws Exception;
}
