package dev.lambdadeploy.bench.flow;

import dev.lambdadeploy.engine.wait.Sleeper;
import java.time.Duration;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/**
 * The spec's bash flow ({@link dev.lambdadeploy.engine what the spec is}), step for step: 30 polls 2 s apart, each
 * poll two GetFunction calls (State, then LastUpdateStatus), publish anyway on timeout, a failed publish retried
 * {@value #MAX_RETRIES} times after 2 s, 4 s, 8 s. Its client retries like the AWS CLI (the SDK's standard mode); it has no quota limiter.
 */
public final class SpecFlow implements Contender {

    static final int MAX_WAIT_ATTEMPTS = 30;
    static final Duration SLEEP_INTERVAL = Duration.ofSeconds(2);
    static final int MAX_RETRIES = 3;

    private final LambdaClient lambda;
    private final Sleeper sleeper;

    public SpecFlow(LambdaClient lambda, Sleeper sleeper) {
        this.lambda = lambda;
        this.sleeper = sleeper;
    }

    @Override
    public String key() {
        return "spec";
    }

    @Override
    public String label() {
        return "spec script (30 x 2 s, 2 GetFunction/poll)";
    }

    @Override
    public String budget() {
        return "60 s";
    }

    @Override
    public String update(String function, byte[] zip) {
        return lambda.updateFunctionCode(b -> b.functionName(function).zipFile(SdkBytes.fromByteArray(zip)))
                .codeSha256();
    }

    @Override
    public void awaitAndPublish(String function, String codeSha256) throws InterruptedException {
        for (int attempt = 1; attempt <= MAX_WAIT_ATTEMPTS; attempt++) {
            String state = query(function, FunctionConfiguration::stateAsString);
            String lastUpdateStatus = query(function, FunctionConfiguration::lastUpdateStatusAsString);
            if ("Active".equals(state) && "Successful".equals(lastUpdateStatus)) {
                break;
            }
            if ("Failed".equals(lastUpdateStatus)) {
                throw new IllegalStateException("Lambda function update failed");
            }
            sleeper.sleep(SLEEP_INTERVAL);
        }
        // Ready or timed out: the spec publishes either way.
        publishWithRetries(function);
    }

    /** {@code $(aws lambda get-function --query ...)}: a failed call leaves the variable empty. */
    private String query(String function, Function<FunctionConfiguration, String> field) {
        try {
            return field.apply(lambda.getFunction(b -> b.functionName(function)).configuration());
        } catch (SdkException e) {
            return "";
        }
    }

    private void publishWithRetries(String function) throws InterruptedException {
        for (int retry = 0; ; retry++) {
            try {
                lambda.publishVersion(b -> b.functionName(function).description("ENV: bench | commit | timestamp"));
                return;
            } catch (SdkException e) {
                if (retry >= MAX_RETRIES) {
                    throw e;
                }
                sleeper.sleep(Duration.ofSeconds(2L << retry));
            }
        }
    }
}
