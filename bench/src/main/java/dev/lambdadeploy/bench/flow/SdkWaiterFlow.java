package dev.lambdadeploy.bench.flow;

import dev.lambdadeploy.bench.sim.ScaledTime;
import java.time.Duration;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.waiters.LambdaWaiter;

/**
 * What an AWS SDK for Java v2 user writes: {@code waitUntilFunctionUpdatedV2} (GetFunction every 1 s, up to
 * 300 times; its defaults, restated so the delay can be scaled) and then PublishVersion. A waiter that ends in
 * failure, e.g. on a 429 its acceptors do not match, means no publish.
 */
public final class SdkWaiterFlow implements Contender {

    public static final Duration POLL_DELAY = Duration.ofSeconds(1);
    public static final int MAX_ATTEMPTS = 300;
    public static final String LABEL = "SDK waiter (functionUpdatedV2, 300 x 1 s)";

    private final LambdaClient lambda;
    private final LambdaWaiter waiter;

    public SdkWaiterFlow(LambdaClient lambda, ScaledTime time) {
        this.lambda = lambda;
        this.waiter = LambdaWaiter.builder()
                .client(lambda)
                .overrideConfiguration(WaiterOverrideConfiguration.builder()
                        .backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(time.toReal(POLL_DELAY)))
                        .maxAttempts(MAX_ATTEMPTS)
                        .build())
                .build();
    }

    @Override
    public String key() {
        return "sdk";
    }

    @Override
    public String label() {
        return LABEL;
    }

    @Override
    public String budget() {
        return "300 s";
    }

    @Override
    public String update(String function, byte[] zip) {
        return lambda.updateFunctionCode(b -> b.functionName(function).zipFile(SdkBytes.fromByteArray(zip)))
                .codeSha256();
    }

    @Override
    public void awaitAndPublish(String function, String codeSha256) {
        waiter.waitUntilFunctionUpdatedV2(b -> b.functionName(function));
        lambda.publishVersion(
                b -> b.functionName(function).codeSha256(codeSha256).description("ENV: bench | commit | timestamp"));
    }
}
