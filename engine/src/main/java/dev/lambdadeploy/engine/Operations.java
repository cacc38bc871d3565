package dev.lambdadeploy.engine;

import dev.lambdadeploy.engine.aws.FunctionProbe;
import dev.lambdadeploy.engine.log.DeployLog;
import dev.lambdadeploy.engine.wait.ReadinessWaiter;
import dev.lambdadeploy.engine.wait.Sleeper;
import dev.lambdadeploy.engine.wait.WaitOutcome;
import java.time.InstantSource;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.regions.Region;
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
        return new FunctionProbe(lambda, functionName, qualifier);
    }

    WaitOutcome await(String functionName, @Nullable String qualifier, WaitSettings settings)
            throws InterruptedException {
        return new ReadinessWaiter(clock, sleeper).await(probe(functionName, qualifier), settings.toPolicy(), log);
    }
}
