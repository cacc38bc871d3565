package dev.lambdadeploy.engine;

import dev.lambdadeploy.engine.aws.AwsCalls;
import dev.lambdadeploy.engine.aws.AwsErrorInfo;
import dev.lambdadeploy.engine.wait.WaitOutcome;
import java.time.Duration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;

/**
 * One call that changes a function, sent as every updater sends it: a 409 (an update in progress) is handed to
 * {@link OnConflict}, which waits it out or gives up; a 412 (a stale RevisionId) becomes the error {@link OnStale}
 * makes; a 429 is retried after what Lambda asked for (Retry-After, at least the backoff) while the operation's
 * deadline allows; anything else is an {@link AwsCallException}. While on the wire the call is the operation's
 * {@link InFlightCall}.
 */
final class GuardedChange {

    /** What to do about a 409: return to send the call again, or throw. */
    @FunctionalInterface
    interface OnConflict {
        void conflict(AwsErrorInfo conflict, ResourceConflictException e, int conflictsBefore)
                throws InterruptedException;
    }

    /** The error a 412 ends in. */
    @FunctionalInterface
    interface OnStale {
        RuntimeException stale(AwsErrorInfo error, PreconditionFailedException e);
    }

    private final Operations ops;
    private final InFlightCall call;
    private final Deadline deadline;
    private final int maxThrottles;

    GuardedChange(Operations ops, InFlightCall call, Deadline deadline) {
        this(ops, call, deadline, Integer.MAX_VALUE);
    }

    /** {@code maxThrottles}: how many 429s are retried at most (besides the deadline). */
    GuardedChange(Operations ops, InFlightCall call, Deadline deadline, int maxThrottles) {
        this.ops = ops;
        this.call = call;
        this.deadline = deadline;
        this.maxThrottles = maxThrottles;
    }

    <T> T send(AwsCalls.Call<T> sdkCall, OnConflict onConflict, OnStale onStale) throws InterruptedException {
        for (int conflicts = 0, throttles = 0; ; ) {
            try {
                return ops.change(call, sdkCall);
            } catch (ResourceConflictException e) {
                onConflict.conflict(AwsErrorInfo.from(call.operation(), call.functionName(), e), e, conflicts++);
            } catch (PreconditionFailedException e) {
                throw onStale.stale(AwsErrorInfo.from(call.operation(), call.functionName(), e), e);
            } catch (SdkException e) {
                AwsErrorInfo error = AwsErrorInfo.from(call.operation(), call.functionName(), e);
                if (!error.isThrottling() || throttles >= maxThrottles) {
                    throw new AwsCallException(error, e);
                }
                Duration delay = CodeUpdater.throttleDelay(ops, throttles++, e);
                if (!deadline.allows(ops.clock(), delay)) {
                    ops.log().outOfTime(error, delay, deadline.remaining(ops.clock()));
                    throw new AwsCallException(error, e);
                }
                ops.log().callThrottled(error, delay);
                ops.sleeper().sleep(delay);
            }
        }
    }

    /**
     * The updaters' answer to a 409: wait, within the deadline, until the update in progress is over (ready, or
     * Failed: either way Lambda takes a new update then), at most {@code maxRetries} times; a wait that times out or
     * never sees the function gives up on the 409.
     */
    static OnConflict awaitingReadiness(
            Operations ops, String functionName, WaitSettings settings, int maxRetries, Deadline deadline) {
        return (conflict, e, conflictsBefore) -> {
            if (conflictsBefore >= maxRetries) {
                throw new AwsCallException(conflict, e);
            }
            ops.log().updateInProgressBeforeUpdate(conflict);
            WaitOutcome outcome = ops.await(functionName, null, settings, deadline);
            if (outcome.kind() == WaitOutcome.Kind.TIMED_OUT || outcome.kind() == WaitOutcome.Kind.UNOBSERVED) {
                throw new AwsCallException(conflict, e);
            }
        };
    }
}
