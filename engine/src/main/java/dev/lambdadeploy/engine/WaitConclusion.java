package dev.lambdadeploy.engine;

import dev.lambdadeploy.engine.log.DeployLog;
import dev.lambdadeploy.engine.wait.WaitOutcome;
import org.jspecify.annotations.Nullable;

/**
 * What a finished wait means for the step that waited, shared by the blocking operations and the Jenkins
 * plugin's restart-surviving wait: ready goes on; Failed stops with the reason; a timeout warns and goes on,
 * as the spec does, unless the user asked to fail on timeout.
 */
public final class WaitConclusion {

    /** What the step does next, which decides the timeout warning's wording. */
    public enum Next { PUBLISH, CONTINUE }

    private WaitConclusion() {
    }

    /** Returns the last status seen (null if Lambda never answered), or throws when the step must stop. */
    public static @Nullable FunctionStatus conclude(String functionName, WaitOutcome outcome, WaitSettings settings,
            Next next, DeployLog log) {
        switch (outcome.kind()) {
            case READY -> log.ready();
            case FAILED -> {
                log.updateFailed(outcome.lastSeen());
                throw new FunctionFailedException(outcome.lastSeen());
            }
            case TIMED_OUT -> {
                if (settings.failOnTimeout()) {
                    throw new ReadinessTimeoutException(functionName, outcome);
                }
                if (next == Next.PUBLISH) {
                    log.timeoutPublishingAnyway();
                } else {
                    log.timeoutContinuing(outcome.attempts(), outcome.waited());
                }
            }
        }
        return outcome.lastSeen();
    }

    /** The result after a wait: the state fields seen last, and the polls and time spent. */
    public static LambdaResult record(LambdaResult before, WaitOutcome outcome) {
        LambdaResult result = outcome.lastSeen() == null ? before : before.withStatus(outcome.lastSeen());
        return result.withWait(outcome.attempts(), outcome.waited(), outcome.kind() == WaitOutcome.Kind.TIMED_OUT);
    }
}
