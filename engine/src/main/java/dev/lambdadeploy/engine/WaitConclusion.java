package dev.lambdadeploy.engine;

import dev.lambdadeploy.engine.log.DeployLog;
import dev.lambdadeploy.engine.wait.WaitOutcome;
import org.jspecify.annotations.Nullable;

/**
 * What a finished wait means for the step that waited, shared by the blocking operations and the Jenkins
 * plugin's restart-surviving wait: ready goes on; Failed stops with the reason; a timeout warns and goes on,
 * as the spec does, unless the user asked to fail on timeout. A wait that never saw the function (every poll
 * failed) stops with the last error, unless a publish follows: that publishes anyway, pinned, as after a timeout.
 */
public final class WaitConclusion {

    /** What the step does next, which decides the wording of the wait's lines. */
    public enum Next { PUBLISH, CONTINUE }

    private WaitConclusion() {
    }

    /**
     * Returns the last status seen (null if Lambda never answered), or throws when the step must stop. Kept for the
     * Jenkins plugin as it is: a ready function is announced with the spec's "ready for version publishing" whatever
     * follows. {@link #conclude(String, WaitOutcome, WaitSettings, Next, DeployLog, String)} says "ready for version
     * publishing" only when a publish follows.
     */
    public static @Nullable FunctionStatus conclude(String functionName, WaitOutcome outcome, WaitSettings settings,
            Next next, DeployLog log) {
        if (outcome.kind() == WaitOutcome.Kind.READY) {
            log.ready();
            return outcome.lastSeen();
        }
        return conclude(functionName, outcome, settings, next, log, null);
    }

    /**
     * Returns the last status seen (null if Lambda never answered), or throws when the step must stop: a Failed
     * update ({@link FunctionFailedException}, reported once: by the exception, not also in the log), a wait that
     * never saw the function ({@link FunctionNotObservedException}, unless a publish follows), a timeout with
     * failOnTimeout ({@link ReadinessTimeoutException}). {@code updateRequestId} is the request id of the
     * UpdateFunctionCode the wait followed, named if that update Failed; null if this step did not send it.
     */
    public static @Nullable FunctionStatus conclude(String functionName, WaitOutcome outcome, WaitSettings settings,
            Next next, DeployLog log, @Nullable String updateRequestId) {
        switch (outcome.kind()) {
            case READY -> log.ready(next);
            // reported once, by the exception the front end shows
            case FAILED -> throw new FunctionFailedException(outcome.lastSeen(), updateRequestId);
            case UNOBSERVED -> {
                if (next != Next.PUBLISH || settings.failOnTimeout()) {
                    throw new FunctionNotObservedException(functionName, outcome);
                }
                log.unobservedPublishingAnyway(outcome.lastError());
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
        return result.withWait(outcome.attempts(), outcome.waited(), outcome.kind() != WaitOutcome.Kind.READY
                && outcome.kind() != WaitOutcome.Kind.FAILED);
    }
}
