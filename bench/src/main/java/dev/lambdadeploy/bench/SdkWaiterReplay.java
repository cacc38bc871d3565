package dev.lambdadeploy.bench;

import dev.lambdadeploy.bench.flow.SdkWaiterFlow;
import dev.lambdadeploy.engine.wait.Observation;
import java.time.Duration;
import java.util.List;

/**
 * The SDK waiter's decisions ({@code waitUntilFunctionUpdatedV2} with its defaults, as {@link SdkWaiterFlow} runs it):
 * GetFunction at once after the update's response, then again 1 s after each response that is not ready, at most 300
 * times; then PublishVersion. A waiter that runs out of attempts publishes nothing.
 */
final class SdkWaiterReplay implements ReplayedContender {

    @Override
    public String key() {
        return "sdk";
    }

    @Override
    public String label() {
        return SdkWaiterFlow.LABEL;
    }

    @Override
    public int earlierDeploys() {
        return 0;
    }

    /** The waiter learns nothing from earlier deploys. */
    @Override
    public MeasuredDeploy after(List<Duration> earlier, Duration roundTrip) {
        return update -> deploy(update, roundTrip);
    }

    private static ReplayedDeploy deploy(Duration update, Duration roundTrip) {
        FakeClock clock = new FakeClock(START);
        ReplayedFunction function = new ReplayedFunction(clock, update, roundTrip);
        function.updateCode();
        for (int attempt = 1; attempt <= SdkWaiterFlow.MAX_ATTEMPTS; attempt++) {
            if (function.probe() instanceof Observation.Seen seen
                    && seen.status().isReady()) {
                function.publishVersion();
                break;
            }
            clock.sleep(SdkWaiterFlow.POLL_DELAY);
        }
        return ReplayedDeploy.of(update, function);
    }
}
