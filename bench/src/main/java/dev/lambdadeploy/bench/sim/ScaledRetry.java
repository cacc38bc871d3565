package dev.lambdadeploy.bench.sim;

import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * The SDK's standard retry mode (3 attempts; exponential backoff from 100 ms, from 1 s after a throttle, up to
 * 20 s) with its delays divided by the time scale, so SDK-level retries keep their place in the schedule.
 */
public final class ScaledRetry {

    private ScaledRetry() {}

    public static RetryStrategy standard(ScaledTime time) {
        Duration max = Duration.ofSeconds(20);
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .backoffStrategy(scaled(BackoffStrategy.exponentialDelay(Duration.ofMillis(100), max), time))
                .throttlingBackoffStrategy(scaled(BackoffStrategy.exponentialDelay(Duration.ofSeconds(1), max), time))
                .build();
    }

    private static BackoffStrategy scaled(BackoffStrategy inner, ScaledTime time) {
        return attempt -> time.toReal(inner.computeDelay(attempt));
    }
}
