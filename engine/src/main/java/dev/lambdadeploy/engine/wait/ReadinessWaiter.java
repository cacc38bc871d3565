package dev.lambdadeploy.engine.wait;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The blocking driver of {@link PollStep}: poll, step, sleep, until ready, failed or out of budget. */
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
     * ({@link ResumableWait#pollTimeout}), so a call that hangs cannot hold the wait past its end.
     */
    public WaitOutcome await(ReadinessProbe probe, WaitPolicy policy, Duration budget, WaitListener listener)
            throws InterruptedException {
        return await(probe, policy, budget, listener, null);
    }

    /**
     * As {@link #await(ReadinessProbe, WaitPolicy, Duration, WaitListener)}, but with {@code first} (when given) as
     * the first poll's observation instead of a call: what the UpdateFunctionCode response said, one GetFunction
     * fewer. It counts as the wait's first attempt, at the wait's start.
     */
    public WaitOutcome await(
            ReadinessProbe probe,
            WaitPolicy policy,
            Duration budget,
            WaitListener listener,
            @Nullable Observation first)
            throws InterruptedException {
        PollStep step = new PollStep(new ReadinessDecider(policy, budget), listener);
        ResumableWait state = step.start(clock.instant());
        @Nullable Observation given = first;
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException("wait for readiness interrupted");
            }
            Observation seen = given != null ? given : probe.probe(state.pollTimeout(clock.instant()));
            given = null;
            WaitProgress progress = step.after(state, seen, clock.instant());
            if (progress instanceof WaitProgress.Finished finished) {
                return finished.outcome();
            }
            if (progress instanceof WaitProgress.Continue again) {
                state = again.next();
                sleeper.sleep(again.delay());
            }
        }
    }
}
