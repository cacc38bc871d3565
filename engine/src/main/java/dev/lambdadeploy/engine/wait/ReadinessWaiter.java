package dev.lambdadeploy.engine.wait;

import dev.lambdadeploy.engine.FunctionStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The blocking driver of {@link ReadinessDecider}: poll, decide, sleep, until ready, failed or out of budget. */
public final class ReadinessWaiter {

    /** The least time a poll is given, even at the very end of a wait. */
    public static final Duration MIN_CALL_TIMEOUT = Duration.ofSeconds(1);

    private final InstantSource clock;
    private final Sleeper sleeper;

    public ReadinessWaiter(InstantSource clock, Sleeper sleeper) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Waits; an interrupt (a build abort, Ctrl-C) ends the wait at once with {@link InterruptedException}. */
    public WaitOutcome await(ReadinessProbe probe, WaitPolicy policy, WaitListener listener)
            throws InterruptedException {
        return await(probe, policy, policy.budget(), listener);
    }

    /**
     * Waits at most {@code budget} (when that is less than the policy's own), e.g. what is left of the deadline of
     * the operation the wait belongs to. Each poll is given at most what is left of the wait
     * ({@link ReadinessProbe#probe(Duration)}), so a call that hangs cannot hold the wait past its end.
     */
    public WaitOutcome await(ReadinessProbe probe, WaitPolicy policy, Duration budget, WaitListener listener)
            throws InterruptedException {
        ReadinessDecider decider = new ReadinessDecider(policy, budget);
        Instant start = clock.instant();
        @Nullable FunctionStatus lastSeen = null;
        for (int attempt = 1; ; attempt++) {
            if (Thread.interrupted()) {
                throw new InterruptedException("wait for readiness interrupted");
            }
            Duration left = decider.budget().minus(Duration.between(start, clock.instant()));
            Observation seen = probe.probe(left.compareTo(MIN_CALL_TIMEOUT) < 0 ? MIN_CALL_TIMEOUT : left);
            if (seen instanceof Observation.Seen s) {
                lastSeen = s.status();
            }
            Duration elapsed = Duration.between(start, clock.instant());
            Decision decision = decider.decide(seen, attempt, elapsed);
            listener.polled(seen, decision, attempt, policy.maxAttempts(), elapsed);
            WaitOutcome outcome = WaitOutcome.of(decision, lastSeen, attempt, elapsed);
            if (outcome != null) {
                return outcome;
            }
            sleeper.sleep(((Decision.PollAgain) decision).delay());
        }
    }
}
