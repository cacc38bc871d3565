package dev.lambdadeploy.bench.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The real round trip of one GetFunction to the simulator, paced like a poll. In scaled time every real
 * millisecond of it counts S times, so it stands in for the network latency to Lambda.
 */
public final class CallLatency {

    private CallLatency() {}

    /** Median of {@code calls} serial GetFunction round trips, {@code pause} apart. */
    public static Duration median(LambdaClient lambda, String function, int calls, Duration pause)
            throws InterruptedException {
        List<Long> nanos = new ArrayList<>(calls);
        for (int i = 0; i < calls; i++) {
            Thread.sleep(pause.toMillis());
            long t0 = System.nanoTime();
            lambda.getFunction(b -> b.functionName(function));
            nanos.add(System.nanoTime() - t0);
        }
        nanos.sort(Long::compare);
        return Duration.ofNanos(nanos.get(nanos.size() / 2));
    }

    /** Calls GetFunction back to back, to get the JIT compiler through the client's and simulator's paths. */
    public static void exercise(LambdaClient lambda, String function, int calls) {
        for (int i = 0; i < calls; i++) {
            lambda.getFunction(b -> b.functionName(function));
        }
    }
}
