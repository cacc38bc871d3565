package dev.lambdadeploy.bench;

import dev.lambdadeploy.engine.FunctionStatus;
import dev.lambdadeploy.engine.WaitSettings;
import dev.lambdadeploy.engine.wait.InMemoryWaitHistory;
import dev.lambdadeploy.engine.wait.Observation;
import dev.lambdadeploy.engine.wait.PlannedPolls;
import dev.lambdadeploy.engine.wait.ReadinessWaiter;
import dev.lambdadeploy.engine.wait.UpdateWaitLearning;
import dev.lambdadeploy.engine.wait.WaitHistory;
import dev.lambdadeploy.engine.wait.WaitKey;
import dev.lambdadeploy.engine.wait.WaitListener;
import dev.lambdadeploy.engine.wait.WaitOutcome;
import dev.lambdadeploy.engine.wait.WaitPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The engine's own wait code (its policies, {@link UpdateWaitLearning}, {@link ReadinessWaiter}) driven as the
 * engine's {@code Operations.await} drives it, on a fake clock: the wait after an update, then the publish.
 *
 * @param key the part 1 contender it replays
 * @param label its name in tables
 * @param settings the wait's settings, the policy named explicitly
 * @param handsOverUpdate whether the wait follows the engine's own update in one deploy call, so it gets the update's
 *     response and reads and teaches the function's history (the CLI's {@code deploy}, {@code HistoryEngineFlow});
 *     otherwise the wait is a publish's after an update made before (updateCode, then publishVersion: {@code
 *     EngineFlow})
 * @param earlierDeploys how many earlier deploys of the function, made the same way, come before the measured one
 */
record EngineReplay(String key, String label, WaitSettings settings, boolean handsOverUpdate, int earlierDeploys)
        implements ReplayedContender {

    private static final WaitKey FUNCTION = new WaitKey("replay", ReplayedFunction.NAME);

    @Override
    public MeasuredDeploy after(List<Duration> earlier, Duration roundTrip) throws InterruptedException {
        UpdateWaitLearning learning = new UpdateWaitLearning(
                settings, FUNCTION, handsOverUpdate ? new InMemoryWaitHistory() : WaitHistory.NONE);
        for (int i = 0; i < earlier.size(); i++) {
            deployOnce(earlier.get(i), roundTrip, startOf(i), learning::policy, learning);
        }
        Instant start = startOf(earlier.size());
        // UpdateWaitLearning.policy is pure given the history's answer, which is the same for every measured deploy
        // after these earlier ones: built once, at the instant the wait starts (the update's response)
        WaitPolicy policy = learning.policy(start.plus(roundTrip));
        // what a measured deploy would teach is not kept: no deploy follows it
        UpdateWaitLearning forgetting = new UpdateWaitLearning(settings, FUNCTION, WaitHistory.NONE);
        return update -> deployOnce(update, roundTrip, start, now -> policy, forgetting);
    }

    private static Instant startOf(int deployNumber) {
        return START.plus(BETWEEN_DEPLOYS.multipliedBy(deployNumber));
    }

    private ReplayedDeploy deployOnce(
            Duration update,
            Duration roundTrip,
            Instant start,
            Function<Instant, WaitPolicy> policyAt,
            UpdateWaitLearning learning)
            throws InterruptedException {
        FakeClock clock = new FakeClock(start);
        ReplayedFunction function = new ReplayedFunction(clock, update, roundTrip);
        FunctionStatus accepted = function.updateCode();
        // from here on as Operations.await(functionName, null, settings, deadline, accepted, learns)
        WaitPolicy policy = policyAt.apply(clock.instant());
        @Nullable Observation first = UpdateWaitLearning.firstObservation(policy, handsOverUpdate ? accepted : null);
        AtomicReference<PlannedPolls> planned = new AtomicReference<>(PlannedPolls.START);
        WaitListener listener = UpdateWaitLearning.notingPlannedPolls(WaitListener.NONE, planned);
        // the engine's deadline is the policy's budget plus the retries' backoff, set before the update: the policy's
        // budget is what binds the wait, so it is given here
        WaitOutcome outcome =
                new ReadinessWaiter(clock, clock).await(function, policy, policy.budget(), listener, first);
        learning.finished(outcome, planned.get(), clock.instant());
        // a wait that runs out publishes anyway and retries the 409s, which is not replayed: none runs out with these
        // budgets, and one that did would show as failed
        if (outcome.isReady()) {
            function.publishVersion();
        }
        return ReplayedDeploy.of(update, function);
    }
}
