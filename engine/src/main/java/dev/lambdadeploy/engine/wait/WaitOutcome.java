package dev.lambdadeploy.engine.wait;

import dev.lambdadeploy.engine.FunctionStatus;
import dev.lambdadeploy.engine.aws.AwsErrorInfo;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a wait ended. A timed-out wait is an outcome, not an error: the caller's timeout behaviour decides. A wait
 * that never saw the function because every poll failed is {@link Kind#UNOBSERVED}, not a timeout: nothing is
 * known about the function, and {@code lastError} says why.
 */
public record WaitOutcome(
        Kind kind,
        @Nullable FunctionStatus lastSeen,
        int attempts,
        Duration waited,
        @Nullable AwsErrorInfo lastError) implements java.io.Serializable {

    public enum Kind {
        READY,
        FAILED,
        TIMED_OUT,
        /** Out of time without a single answer from GetFunction: every poll was throttled, failed or unanswered. */
        UNOBSERVED
    }

    public WaitOutcome {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(waited, "waited");
        if (kind == Kind.READY || kind == Kind.FAILED) {
            Objects.requireNonNull(lastSeen, "a ready or failed outcome has a status");
        }
        if (kind == Kind.UNOBSERVED) {
            Objects.requireNonNull(lastError, "an unobserved outcome has the error that hid the function");
        }
    }

    public WaitOutcome(Kind kind, @Nullable FunctionStatus lastSeen, int attempts, Duration waited) {
        this(kind, lastSeen, attempts, waited, null);
    }

    /** The outcome a decision other than {@link Decision.PollAgain} describes. */
    static WaitOutcome ofFinal(Decision decision, @Nullable FunctionStatus lastSeen, int attempts, Duration waited) {
        if (decision instanceof Decision.Ready r) {
            return new WaitOutcome(Kind.READY, r.status(), attempts, waited);
        }
        if (decision instanceof Decision.Failed f) {
            return new WaitOutcome(Kind.FAILED, f.status(), attempts, waited);
        }
        if (decision instanceof Decision.TimedOut t) {
            FunctionStatus last = t.lastSeen() != null ? t.lastSeen() : lastSeen;
            if (last == null && t.lastError() != null) {
                return new WaitOutcome(Kind.UNOBSERVED, null, attempts, waited, t.lastError());
            }
            return new WaitOutcome(Kind.TIMED_OUT, last, attempts, waited, t.lastError());
        }
        throw new IllegalArgumentException("not a final decision: " + decision);
    }

    public boolean isReady() {
        return kind == Kind.READY;
    }
}
