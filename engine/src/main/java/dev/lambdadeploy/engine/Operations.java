package dev.lambdadeploy.engine;

import dev.lambdadeploy.engine.aws.AwsCalls;
import dev.lambdadeploy.engine.aws.FunctionProbe;
import dev.lambdadeploy.engine.log.DeployLog;
import dev.lambdadeploy.engine.wait.Observation;
import dev.lambdadeploy.engine.wait.PlannedPolls;
import dev.lambdadeploy.engine.wait.ReadinessWaiter;
import dev.lambdadeploy.engine.wait.Sleeper;
import dev.lambdadeploy.engine.wait.UpdateWaitLearning;
import dev.lambdadeploy.engine.wait.WaitHistory;
import dev.lambdadeploy.engine.wait.WaitKey;
import dev.lambdadeploy.engine.wait.WaitListener;
import dev.lambdadeploy.engine.wait.WaitOutcome;
import dev.lambdadeploy.engine.wait.WaitPolicy;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** What the operations share: the client, time, the log, how they wait and retry, and the call in flight. */
final class Operations {

    /** The spec's retry backoff: 2 s, 4 s, 8 s... (capped at 10 s), the tail added to the wait budget. */
    static final Duration RETRY_BASE = Duration.ofSeconds(2);

    static final Duration RETRY_CAP = Duration.ofSeconds(10);

    private final LambdaClient lambda;
    private final InstantSource clock;
    private final Sleeper sleeper;
    private final DeployLog log;
    private final BackoffStrategy backoff;
    private final Duration slowCallAfter;
    private final WaitHistory history;
    private final AtomicReference<@Nullable InFlightCall> inFlight = new AtomicReference<>();

    Operations(
            LambdaClient lambda,
            InstantSource clock,
            Sleeper sleeper,
            DeployLog log,
            BackoffStrategy backoff,
            Duration slowCallAfter,
            WaitHistory history) {
        this.history = Objects.requireNonNull(history, "history");
        this.lambda = Objects.requireNonNull(lambda, "lambda");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.log = Objects.requireNonNull(log, "log");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.slowCallAfter = Objects.requireNonNull(slowCallAfter, "slowCallAfter");
    }

    LambdaClient lambda() {
        return lambda;
    }

    InstantSource clock() {
        return clock;
    }

    Sleeper sleeper() {
        return sleeper;
    }

    DeployLog log() {
        return log;
    }

    BackoffStrategy backoff() {
        return backoff;
    }

    Optional<InFlightCall> inFlight() {
        return Optional.ofNullable(inFlight.get());
    }

    /** A full ARN must be in the client's region ({@link Validation#functionInRegion}); checked before any call. */
    void checkRegion(String functionName) {
        Region region;
        try {
            region = lambda.serviceClientConfiguration().region();
        } catch (UnsupportedOperationException e) {
            return; // a client that does not say its region, e.g. a test double
        }
        if (region != null) {
            Validation.functionInRegion(functionName, region.id());
        }
    }

    FunctionProbe probe(String functionName, @Nullable String qualifier) {
        return new FunctionProbe(lambda, functionName, qualifier, log, slowCallAfter);
    }

    /** A wait within what is left of {@code deadline} (and never longer than its own budget). */
    WaitOutcome await(String functionName, @Nullable String qualifier, WaitSettings settings, Deadline deadline)
            throws InterruptedException {
        return await(functionName, qualifier, settings, deadline, null, false);
    }

    /**
     * A wait that follows an update this engine sent, whose response said {@code accepted} (null when the wait follows
     * no update of ours). With the history policy the schedule follows the function's earlier update durations (a code
     * update's wait adds its own when ready) and that status is the first observation, no GetFunction needed; with none
     * recorded it is the adaptive wait, poll for poll.
     *
     * @param learns whether this wait reads and teaches the function's history (code updates; a configuration update
     *     takes other times, so it waits as adaptive does)
     */
    WaitOutcome await(
            String functionName,
            @Nullable String qualifier,
            WaitSettings settings,
            Deadline deadline,
            @Nullable AcceptedUpdate accepted,
            boolean learns)
            throws InterruptedException {
        boolean afterOurUpdate = accepted != null && qualifier == null;
        UpdateWaitLearning learning = new UpdateWaitLearning(
                settings, new WaitKey(regionId(), functionName), afterOurUpdate && learns ? history : WaitHistory.NONE);
        WaitPolicy policy = learning.policy(clock.instant());
        @Nullable
        Observation first = UpdateWaitLearning.firstObservation(policy, accepted != null ? accepted.status() : null);
        AtomicReference<PlannedPolls> planned = new AtomicReference<>(PlannedPolls.START);
        WaitListener listener = UpdateWaitLearning.notingPlannedPolls(log, planned);
        WaitOutcome outcome = new ReadinessWaiter(clock, sleeper)
                .await(probe(functionName, qualifier), policy, deadline.remaining(clock), listener, first);
        learning.finished(outcome, planned.get(), clock.instant());
        return outcome;
    }

    /** The client's region, or "unknown" for a client that does not say (a test double). */
    private String regionId() {
        try {
            Region region = lambda.serviceClientConfiguration().region();
            return region == null ? "unknown" : region.id();
        } catch (UnsupportedOperationException e) {
            return "unknown";
        }
    }

    /** The deadline of an operation that waits with {@code settings} and then retries up to {@code maxRetries}. */
    Deadline deadline(WaitSettings settings, int maxRetries) {
        return Deadline.after(clock, settings.toPolicy().budget().plus(retryTail(maxRetries)));
    }

    /** The deadline of a wait alone. */
    Deadline deadline(WaitSettings settings) {
        return Deadline.after(clock, settings.toPolicy().budget());
    }

    /** The most the spec's retries sleep: 2 + 4 + 8 = 14 s for its three. */
    static Duration retryTail(int maxRetries) {
        Duration tail = Duration.ZERO;
        for (int retry = 1; retry <= maxRetries; retry++) {
            tail = tail.plus(retryDelay(retry));
        }
        return tail;
    }

    /** The nominal delay before retry number {@code retry} (1 for the first). */
    static Duration retryDelay(int retry) {
        Duration delay = RETRY_BASE.multipliedBy(1L << Math.min(retry - 1, 10));
        return delay.compareTo(RETRY_CAP) > 0 ? RETRY_CAP : delay;
    }

    /**
     * Sends a call that changes the function. While it is on the wire it is the {@link InFlightCall}; an interrupt
     * aborts it (the HTTP request is cut off) and ends in {@link InterruptedException}.
     */
    <T> T change(InFlightCall call, AwsCalls.Call<T> sdkCall) throws InterruptedException {
        inFlight.set(call);
        try {
            return AwsCalls.watched(call.operation(), call.functionName(), slowCallAfter, null, log, sdkCall);
        } finally {
            inFlight.set(null);
        }
    }
}
