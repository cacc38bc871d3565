package dev.lambdadeploy.engine.wait;

import dev.lambdadeploy.engine.FunctionStatus;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** How a wait ended. A timed-out wait is an outcome, not an error: the caller's timeout behaviour decides. */
public record WaitOutcome(Kind kind, @Nullable FunctionStatus lastSeen, int attempts, Duration waited) {

    public enum Kind { READY, FAILED, TIMED_OUT }

    public WaitOutcome {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(waited, "waited");
        if (kind != Kind.TIMED_OUT) {
            Objects.requireNonNull(lastSeen, "a ready or failed outcome has a status");
        }
    }

    /** The outcome a final decision describes; null for {@link Decision.PollAgain}. */
    public static @Nullable WaitOutcome of(Decision decision, @Nullable FunctionStatus lastSeen, int attempts,
            Duration waited) {
        if (decision instanceof Decision.Ready r) {
            return new WaitOutcome(Kind.READY, r.status(), attempts, waited);
        }
        if (decision instanceof Decision.Failed f) {
            return new WaitOutcome(Kind.FAILED, f.status(), attempts, waited);
        }
        if (decision instanceof Decision.TimedOut t) {
            return new WaitOutcome(Kind.TIMED_OUT, t.lastSeen() != null ? t.lastSeen() : lastSeen, attempts, waited);
        }
        return null;
    }

    public boolean isReady() {
        return kind == Kind.READY;
    }
}
