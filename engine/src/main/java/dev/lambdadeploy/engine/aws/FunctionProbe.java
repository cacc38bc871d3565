package dev.lambdadeploy.engine.aws;

import dev.lambdadeploy.engine.AwsCallException;
import dev.lambdadeploy.engine.FunctionStatus;
import dev.lambdadeploy.engine.wait.Observation;
import dev.lambdadeploy.engine.wait.ReadinessProbe;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;

/**
 * One GetFunction per poll: it has a quota of its own (100 requests/s) apart from the 15 requests/s that
 * updates and publishes share, and it carries every state field. 429s and 5xx become observations to poll
 * through; any other error (unknown function, bad credentials) ends the wait at once. A poll given a timeout
 * ({@link #probe(Duration)}) gives up then, and a poll unanswered for {@code slowAfter} is reported as slow.
 */
public final class FunctionProbe implements ReadinessProbe {

    public static final String OPERATION = "GetFunction";

    private final LambdaClient lambda;
    private final String functionName;
    private final @Nullable String qualifier;
    private final SlowCallListener slowCalls;
    private final Duration slowAfter;

    public FunctionProbe(LambdaClient lambda, String functionName, @Nullable String qualifier) {
        this(lambda, functionName, qualifier, SlowCallListener.NONE, AwsCalls.SLOW_CALL_AFTER);
    }

    public FunctionProbe(
            LambdaClient lambda,
            String functionName,
            @Nullable String qualifier,
            SlowCallListener slowCalls,
            Duration slowAfter) {
        this.lambda = Objects.requireNonNull(lambda, "lambda");
        this.functionName = Objects.requireNonNull(functionName, "functionName");
        this.qualifier = qualifier;
        this.slowCalls = Objects.requireNonNull(slowCalls, "slowCalls");
        this.slowAfter = Objects.requireNonNull(slowAfter, "slowAfter");
    }

    @Override
    public Observation probe() throws InterruptedException {
        return poll(null);
    }

    /** One poll that gives up after {@code timeout} (the SDK's call timeout, all its attempts included). */
    @Override
    public Observation probe(Duration timeout) throws InterruptedException {
        return poll(Objects.requireNonNull(timeout, "timeout"));
    }

    private Observation poll(@Nullable Duration timeout) throws InterruptedException {
        try {
            GetFunctionResponse response = AwsCalls.watched(
                    OPERATION,
                    functionName,
                    slowAfter,
                    timeout,
                    slowCalls,
                    () -> lambda.getFunction(b -> {
                        b.functionName(functionName).qualifier(qualifier);
                        if (timeout != null) {
                            b.overrideConfiguration(o -> o.apiCallTimeout(timeout));
                        }
                    }));
            return new Observation.Seen(statusOf(
                    functionName,
                    response.configuration(),
                    response.responseMetadata().requestId()));
        } catch (SdkException e) {
            AwsErrorInfo error = AwsErrorInfo.from(OPERATION, functionName, e);
            if (error.isThrottling()) {
                return new Observation.Throttled(AwsCalls.retryAfter(e), error);
            }
            if (error.isTransient()) {
                return new Observation.Unavailable(error);
            }
            throw new AwsCallException(error, e);
        }
    }

    /** The status a configuration describes; {@code functionName} is what the user asked for. */
    public static FunctionStatus statusOf(String functionName, FunctionConfiguration c, @Nullable String requestId) {
        return new FunctionStatus(
                functionName,
                c.functionArn(),
                c.stateAsString(),
                c.lastUpdateStatusAsString(),
                c.stateReason(),
                c.stateReasonCodeAsString(),
                c.lastUpdateStatusReason(),
                c.lastUpdateStatusReasonCodeAsString(),
                c.codeSha256(),
                c.revisionId(),
                c.version(),
                requestId);
    }
}
