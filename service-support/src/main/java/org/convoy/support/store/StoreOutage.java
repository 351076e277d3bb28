package org.convoy.support.store;

import java.util.List;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Whether a failure means the store could not be reached (stopped, unreachable, or not answering in time) rather than
 * that something was wrong with the request or the data: Spring's {@link DataAccessResourceFailureException}, which
 * the MongoDB templates translate such failures into, or the driver's own timeout and socket exceptions, anywhere in
 * the chain of causes. Such a failure is answered 503 with {@code Retry-After}, and an event that met it is delivered
 * again rather than dead-lettered: it is nobody's fault, and goes away when the store returns.
 */
public final class StoreOutage {

    /** The exceptions that say so, looked for anywhere in a chain of causes. */
    public static final List<Class<? extends Throwable>> EXCEPTIONS = List.of(
            DataAccessResourceFailureException.class, MongoTimeoutException.class, MongoSocketException.class);

    /** Deeper chains than this are not followed (a cause that refers back to itself would never end). */
    private static final int DEPTH = 20;

    private StoreOutage() {
    }

    public static boolean isCause(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < DEPTH; depth++, cause = cause.getCause()) {
            for (Class<? extends Throwable> type : EXCEPTIONS) {
                if (type.isInstance(cause)) {
                    return true;
                }
            }
        }
        return false;
    }
}
