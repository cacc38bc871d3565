package dev.lambdadeploy.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * The one end of a whole operation (a deploy, an update, a publish): every wait and every retry in it shares this
 * deadline, so a function stuck InProgress ends the operation within the wait budget and the retries' backoff,
 * as the spec's script does, however many 409s it answers.
 */
record Deadline(Instant at) {

    Deadline {
        Objects.requireNonNull(at, "at");
    }

    static Deadline after(InstantSource clock, Duration budget) {
        return new Deadline(clock.instant().plus(budget));
    }

    /** Time left, never negative. */
    Duration remaining(InstantSource clock) {
        Duration left = Duration.between(clock.instant(), at);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Whether a pause of {@code delay} still ends before the deadline. */
    boolean allows(InstantSource clock, Duration delay) {
        return delay.compareTo(remaining(clock)) <= 0;
    }
}
