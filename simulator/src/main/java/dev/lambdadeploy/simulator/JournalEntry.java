package dev.lambdadeploy.simulator;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One request as the simulator saw it. {@code status} is 0 when the connection was dropped without an
 * answer (an injected connection reset); {@code operation} is "Unknown" for a path no operation matches.
 *
 * @param accessKeyId the access key id the request was signed with (as claimed: {@code status} says whether it was
 *     accepted); null for an unsigned request
 */
public record JournalEntry(
        String operation,
        @Nullable String functionName,
        int status,
        Instant time,
        String requestId,
        @Nullable String errorType,
        @Nullable String accessKeyId) {

    /** An entry without an access key id. */
    public JournalEntry(
            String operation,
            @Nullable String functionName,
            int status,
            Instant time,
            String requestId,
            @Nullable String errorType) {
        this(operation, functionName, status, time, requestId, errorType, null);
    }
}
