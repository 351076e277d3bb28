package org.convoy.store;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Commits on behalf of the writes that wait for one. {@link #awaitCommit()} returns once a commit that started after
 * the call has finished, so whatever the caller changed before calling is in it. One commit runs at a time, run by
 * one of the callers waiting, and covers every write made before it started: writes that arrive while a commit runs
 * wait together and share the next one.
 */
final class GroupCommit {

    private final Runnable commit;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition finishedOne = lock.newCondition();
    /** The number of the latest commit started. */
    private long started;
    /** The number of the latest commit finished; commits run one at a time, so they finish in the order started. */
    private long finished;
    private boolean committing;

    GroupCommit(Runnable commit) {
        this.commit = commit;
    }

    /** Returns once a commit that started after this call has finished; throws what a failed commit threw. */
    void awaitCommit() {
        lock.lock();
        try {
            long needed = started + 1;
            while (finished < needed) {
                if (committing) {
                    finishedOne.awaitUninterruptibly();
                } else {
                    commitForAllWaiting();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Runs one commit without the lock, so that writes arriving meanwhile queue up for the next one. */
    private void commitForAllWaiting() {
        committing = true;
        long number = ++started;
        boolean done = false;
        lock.unlock();
        // MVStore waits for its file writes on a Future and returns early if that wait is interrupted.
        boolean interrupted = Thread.interrupted();
        try {
            commit.run();
            done = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            lock.lock();
            committing = false;
            if (done) {
                finished = number;
            }
            finishedOne.signalAll();
        }
    }
}
