package dev.lambdadeploy.engine;

import dev.lambdadeploy.engine.wait.WaitOutcome;
import java.util.Objects;

/** The function did not become ready within the wait budget, and the caller asked to fail on timeout. */
public final class ReadinessTimeoutException extends LambdaDeployException {

    private static final long serialVersionUID = 1L;

    private final transient WaitOutcome outcome;

    public ReadinessTimeoutException(String functionName, WaitOutcome outcome) {
        super("Timeout waiting for Lambda function " + functionName + " to be ready after " + outcome.attempts()
                + " attempts in " + Durations.seconds(outcome.waited()) + describeLast(outcome)
                + ". Raise " + Parameter.MAX_WAIT_ATTEMPTS.ref() + " or " + Parameter.POLL_INTERVAL.ref()
                + ", or leave "
                + Parameter.FAIL_ON_TIMEOUT.ref() + " off to publish anyway.");
        this.outcome = Objects.requireNonNull(outcome, "outcome");
    }

    public WaitOutcome outcome() {
        return outcome;
    }

    private static String describeLast(WaitOutcome outcome) {
        var last = outcome.lastSeen();
        return last == null
                ? ""
                : " (last seen: State " + last.state() + ", LastUpdateStatus " + last.lastUpdateStatus() + ")";
    }
}
