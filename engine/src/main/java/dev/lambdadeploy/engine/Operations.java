package dev.lambdadeploy.engine;

import dev.lambdadeploy.engine.aws.FunctionProbe;
import dev.lambdadeploy.engine.log.DeployLog;
import dev.lambdadeploy.engine.wait.ReadinessWaiter;
import dev.lambdadeploy.engine.wait.Sleeper;
import dev.lambdadeploy.engine.wait.WaitOutcome;
import java.time.InstantSource;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** What the operations share: the client, time, the log, and how they wait. */
record Operations(LambdaClient lambda, InstantSource clock, Sleeper sleeper, DeployLog log, BackoffStrategy backoff) {

    Operations {
        Objects.requireNonNull(lambda, "lambda");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(backoff, "backoff");
    }

    FunctionProbe probe(String functionName, @Nullable String qualifier) {
        return new FunctionProbe(lambda, functionName, qualifier);
    }

    WaitOutcome await(String functionName, @Nullable String qualifier, WaitSettings settings)
            throws InterruptedException {
        return new ReadinessWaiter(clock, sleeper).await(probe(functionName, qualifier), settings.toPolicy(), log);
    }
}
