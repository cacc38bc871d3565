package dev.lambdadeploy.engine;

import dev.lambdadeploy.engine.log.DeployLog;
import dev.lambdadeploy.engine.wait.WaitOutcome;
import org.jspecify.annotations.Nullable;

/**
 * What a finished wait means for the step that waited, shared by the blocking operations and, through
 * {@link LambdaDeployer#concludeWait} and {@link LambdaDeployer#publishAfterWait}, the Jenkins plugin's
 * restart-surviving wait: ready goes on; Failed stops with the reason; a timeout warns and goes on, as the original
 * script does, unless the user asked to fail on timeout. A wait that never saw the function (every poll failed) stops
 * with the last error, unless a publish follows: that publishes anyway, pinned, as after a timeout.
 *
 */
final class WaitConclusion {

    private WaitConclusion() {}

    /**
     * Returns the last status seen (null if Lambda never answered), or throws when the step must stop: a Failed
     * update ({@link FunctionFailedException}, reported once: by the exception, not also in the log), a wait that
     * never saw the function ({@link FunctionNotObservedException}, unless a publish follows), a timeout with
     * failOnTimeout ({@link ReadinessTimeoutException}). {@code updateRequestId} is the request id of the
     * UpdateFunctionCode the wait followed, named if that update Failed; null if this step did not send it.
     */
    static @Nullable FunctionStatus conclude(
            String functionName,
            WaitOutcome outcome,
            WaitSettings settings,
            AfterWait next,
            DeployLog log,
            @Nullable String updateRequestId) {
        switch (outcome.kind()) {
            case READY -> log.ready(next);
            // reported once, by the exception the front end shows
            case FAILED -> throw new FunctionFailedException(outcome.lastSeen(), updateRequestId);
            case UNOBSERVED -> {
                if (next != AfterWait.PUBLISH || settings.failOnTimeout()) {
                    throw new FunctionNotObservedException(functionName, outcome);
                }
                log.unobservedPublishingAnyway(outcome.lastError());
            }
            case TIMED_OUT -> {
                if (settings.failOnTimeout()) {
                    throw new ReadinessTimeoutException(functionName, outcome);
                }
                if (next == AfterWait.PUBLISH) {
                    log.timeoutPublishingAnyway();
                } else {
                    log.timeoutContinuing(outcome.attempts(), outcome.waited());
                }
            }
        }
        return outcome.lastSeen();
    }

    /**
     * The result after a wait: the state fields seen last (the code hash already known, the uploaded code's, is
     * kept), the polls and time spent added, and a timeout's warning unless there is one already.
     */
    static LambdaResult recorded(LambdaResult before, WaitOutcome outcome) {
        LambdaResult.Builder after = before.toBuilder();
        @Nullable FunctionStatus seen = outcome.lastSeen();
        if (seen != null) {
            after.state(seen.state()).lastUpdateStatus(seen.lastUpdateStatus());
            if (seen.functionArn() != null) {
                after.functionArn(seen.functionArn());
            }
            if (before.codeSha256() == null) {
                after.codeSha256(seen.codeSha256());
            }
            if (seen.revisionId() != null) {
                after.revisionId(seen.revisionId());
            }
        }
        boolean timedOut =
                outcome.kind() == WaitOutcome.Kind.TIMED_OUT || outcome.kind() == WaitOutcome.Kind.UNOBSERVED;
        return after.attempts(before.attempts() + outcome.attempts())
                .waited(before.waited().plus(outcome.waited()))
                .timedOut(before.timedOut() || timedOut)
                .warning(timedOut && before.warning() == null ? LambdaResult.TIMEOUT_WARNING : before.warning())
                .build();
    }
}
