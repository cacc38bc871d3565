package dev.lambdadeploy.bench;

import dev.lambdadeploy.engine.FunctionStatus;
import dev.lambdadeploy.engine.wait.Observation;
import dev.lambdadeploy.engine.wait.ReadinessProbe;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One function as Lambda runs it during a replayed deploy, on the deploy's {@link FakeClock}. Every call takes
 * {@code roundTrip} of the caller's time and reaches Lambda halfway through. The update starts when Lambda receives
 * UpdateFunctionCode and ends {@code updateDuration} later; a GetFunction that reaches Lambda at or after that instant
 * sees the function ready. This is the simulator's semantics (an update's transition completes at the instant of the
 * accepting request plus its duration, and a request at or after that instant settles it) with a fixed round trip.
 */
final class ReplayedFunction implements ReadinessProbe {

    static final String NAME = "replayed";

    private final FakeClock clock;
    private final Duration updateDuration;
    private final Duration halfRoundTrip;
    private final Duration roundTrip;
    private @Nullable Instant updateEnds;
    private @Nullable Instant published;
    private int calls;
    private int getFunctionCalls;

    ReplayedFunction(FakeClock clock, Duration updateDuration, Duration roundTrip) {
        this.clock = clock;
        this.updateDuration = updateDuration;
        this.roundTrip = roundTrip;
        this.halfRoundTrip = roundTrip.dividedBy(2);
    }

    /** UpdateFunctionCode: returns what its response says, the update in progress. */
    FunctionStatus updateCode() {
        updateEnds = call().plus(updateDuration);
        return status(false);
    }

    @Override
    public Observation probe() {
        getFunctionCalls++;
        Instant seenAt = call();
        return new Observation.Seen(status(!seenAt.isBefore(updateEnds())));
    }

    /** PublishVersion, sent only once the function was seen ready, so Lambda accepts it. */
    void publishVersion() {
        published = call();
    }

    /**
     * From the end of the update to the instant Lambda received the publish, as part 1 measures it (the journal's
     * time of the first successful PublishVersion minus the simulator's lastUpdateCompletedAt); null if none was sent.
     */
    @Nullable
    Duration overshoot() {
        return published == null ? null : Duration.between(updateEnds(), published);
    }

    /** Every call made: the update, the GetFunction polls, the publish. */
    int calls() {
        return calls;
    }

    int getFunctionCalls() {
        return getFunctionCalls;
    }

    /** One call: moves the caller's clock by the round trip; returns when Lambda received it. */
    private Instant call() {
        calls++;
        Instant received = clock.instant().plus(halfRoundTrip);
        clock.advance(roundTrip);
        return received;
    }

    private Instant updateEnds() {
        if (updateEnds == null) {
            throw new IllegalStateException("no update was sent");
        }
        return updateEnds;
    }

    private static FunctionStatus status(boolean ready) {
        return new FunctionStatus(
                NAME,
                null,
                FunctionStatus.ACTIVE,
                ready ? FunctionStatus.SUCCESSFUL : "InProgress",
                null,
                null,
                null,
                null,
                null,
                null,
                "$LATEST",
                null);
    }
}
