package dev.lambdadeploy.simulator;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One request as the simulator saw it. {@code status} is 0 when the connection was dropped without an
 * answer (an injected connection reset); {@code operation} is "Unknown" for a path no operation matches.
 */
public record JournalEntry(
        String operation,
        @Nullable String functionName,
        int status,
        Instant time,
        String requestId,
        @Nullable String errorType) {}
