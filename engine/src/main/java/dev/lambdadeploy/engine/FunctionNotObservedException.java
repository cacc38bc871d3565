package dev.lambdadeploy.engine;

import dev.lambdadeploy.engine.aws.AwsErrorInfo;
import dev.lambdadeploy.engine.wait.WaitOutcome;
import java.util.Objects;

/**
 * A wait ran out of time without one answer from GetFunction: every poll was throttled, failed (5xx) or went
 * unanswered. Nothing is known about the function, so this is no timeout "while InProgress": it is a failure,
 * with the last error.
 */
public final class FunctionNotObservedException extends LambdaDeployException {

    private static final long serialVersionUID = 1L;

    private final transient WaitOutcome outcome;

    public FunctionNotObservedException(String functionName, WaitOutcome outcome) {
        super("Could not observe Lambda function " + functionName + ": none of " + outcome.attempts()
                + " GetFunction calls in " + Durations.seconds(outcome.waited()) + " was answered. Last error: "
                + Objects.requireNonNull(outcome.lastError(), "lastError").describe()
                + ". Check the endpoint, the network and Lambda's health, then run the step again.");
        this.outcome = outcome;
    }

    public WaitOutcome outcome() {
        return outcome;
    }

    public AwsErrorInfo lastError() {
        return Objects.requireNonNull(outcome.lastError());
    }
}
