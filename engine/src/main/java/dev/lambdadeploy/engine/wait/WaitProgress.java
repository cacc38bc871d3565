package dev.lambdadeploy.engine.wait;

import java.time.Duration;
import java.util.Objects;

/** Where a wait stands after one poll ({@link PollStep#after}): it goes on after a delay, or it is over. */
public sealed interface WaitProgress {

    /** Not over: poll again after {@code delay}, from {@code next} (persist its deadline and attempts to resume). */
    record Continue(ResumableWait next, Duration delay) implements WaitProgress {

        public Continue {
            Objects.requireNonNull(next, "next");
            Objects.requireNonNull(delay, "delay");
        }
    }

    /** Over: ready, failed, timed out or never answered, as {@code outcome} says. */
    record Finished(WaitOutcome outcome) implements WaitProgress {

        public Finished {
            Objects.requireNonNull(outcome, "outcome");
        }
    }
}
