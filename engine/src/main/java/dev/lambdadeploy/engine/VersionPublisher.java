package dev.lambdadeploy.engine;

import dev.lambdadeploy.engine.aws.AwsCalls;
import dev.lambdadeploy.engine.aws.AwsErrorInfo;
import dev.lambdadeploy.engine.wait.Observation;
import dev.lambdadeploy.engine.wait.WaitOutcome;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.PublishVersionResponse;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;

/**
 * PublishVersion once the function is ready, pinned to the expected code: CodeSha256 (the uploaded code's, or
 * what was live when the function became ready) and the RevisionId seen then. A 409 is retried with backoff after
 * waiting for readiness again; throttling is retried after what Lambda asked for; every wait and retry ends by the
 * operation's one deadline. A mismatch means someone else changed the function, and nothing is published.
 *
 * <p>In rollback mode a publish that fails (an AWS error, retries or time spent) only warns, as the spec's rollback
 * does: the rolled-back code is live. A changed function (412, another CodeSha256), a Failed update, a response
 * that cannot be pinned and a timeout with failOnTimeout stay errors: publishing code nobody asked for, or calling
 * a rollback done that did not happen, is never acceptable.
 */
final class VersionPublisher {

    static final String OPERATION = LambdaOperationNames.PUBLISH_VERSION;

    private final Operations ops;

    VersionPublisher(Operations ops) {
        this.ops = ops;
    }

    LambdaResult publish(PublishVersionRequest request) throws InterruptedException {
        return publish(request, ops.deadline(request.waitSettings(), request.maxRetries()), null, null);
    }

    /** {@code accepted}: what the UpdateFunctionCode this publish follows answered, if this engine sent it. */
    LambdaResult publish(
            PublishVersionRequest request,
            Deadline deadline,
            @Nullable String updateRequestId,
            @Nullable AcceptedUpdate accepted)
            throws InterruptedException {
        if (!request.waitForReady()) {
            return publishAfter(request, emptyResult(request), null, deadline);
        }
        ops.log().waitingForReady(AfterWait.PUBLISH);
        WaitOutcome outcome = ops.await(request.functionName(), null, request.waitSettings(), deadline, accepted, true);
        return publishAfterWait(request, outcome, deadline, updateRequestId);
    }

    /**
     * Publishes after a wait someone else drove (the Jenkins plugin's restart-surviving wait). The deadline is the
     * one the operation would have had had it started when that wait did.
     */
    LambdaResult publishAfterWait(PublishVersionRequest request, WaitOutcome outcome) throws InterruptedException {
        Deadline deadline = Deadline.after(
                ops.clock(),
                request.waitSettings()
                        .toPolicy()
                        .budget()
                        .plus(Operations.retryTail(request.maxRetries()))
                        .minus(outcome.waited()));
        return publishAfterWait(request, outcome, deadline, null);
    }

    private LambdaResult publishAfterWait(
            PublishVersionRequest request, WaitOutcome outcome, Deadline deadline, @Nullable String updateRequestId)
            throws InterruptedException {
        FunctionStatus seen = WaitConclusion.conclude(
                request.functionName(), outcome, request.waitSettings(), AfterWait.PUBLISH, ops.log(), updateRequestId);
        return publishAfter(request, WaitConclusion.recorded(emptyResult(request), outcome), seen, deadline);
    }

    private LambdaResult publishAfter(
            PublishVersionRequest request, LambdaResult result, @Nullable FunctionStatus seen, Deadline deadline)
            throws InterruptedException {
        String expectedSha =
                request.codeSha256() != null ? request.codeSha256() : seen != null ? seen.codeSha256() : null;
        if (seen != null && request.codeSha256() == null && CodeHash.decode(expectedSha) == null) {
            throw new UnexpectedResponseException("Refusing to publish " + request.functionName() + ": GetFunction"
                    + (seen.requestId() != null ? " (request id " + seen.requestId() + ")" : "")
                    + " reported no valid CodeSha256 for $LATEST (got '" + (expectedSha == null ? "" : expectedSha)
                    + "'), so the publish could not be pinned to known code; nothing was published.");
        }
        try {
            return publishPinned(request, result, expectedSha, seen, deadline);
        } catch (AwsCallException e) {
            if (!request.rollback()) {
                throw e;
            }
            ops.log().rollbackPublishFailed(e.getMessage());
            // a rollback whose code is live but whose version could not be published: a warning, not a failure
            return result.toBuilder()
                    .version(null)
                    .published(false)
                    .warning(LambdaResult.ROLLBACK_WARNING)
                    .build();
        }
    }

    private static LambdaResult emptyResult(PublishVersionRequest request) {
        return LambdaResult.builder()
                .functionName(request.functionName())
                .codeSha256(request.codeSha256())
                .revisionId(request.revisionId())
                .build();
    }

    private LambdaResult publishPinned(
            PublishVersionRequest request,
            LambdaResult result,
            @Nullable String expectedSha,
            @Nullable FunctionStatus seen,
            Deadline deadline)
            throws InterruptedException {
        String name = request.functionName();
        @Nullable String revision = revisionToPin(request, expectedSha, seen);
        InFlightCall call = new InFlightCall(OPERATION, name, expectedSha);
        ops.log().publishing();
        for (int retry = 0, throttles = 0; ; ) {
            try {
                final String rev = revision;
                PublishVersionResponse response = ops.change(
                        call,
                        () -> ops.lambda()
                                .publishVersion(b -> b.functionName(name)
                                        .description(request.description())
                                        .codeSha256(expectedSha)
                                        .revisionId(rev)));
                ops.log().published(response.version(), response.codeSha256());
                ops.log().updatedSuccessfully();
                return result.toBuilder()
                        .functionArn(unqualified(response.functionArn()))
                        .version(response.version())
                        .codeSha256(response.codeSha256())
                        .revisionId(response.revisionId())
                        .state(response.stateAsString())
                        .lastUpdateStatus(response.lastUpdateStatusAsString())
                        .published(true)
                        .build();
            } catch (PreconditionFailedException e) {
                throw changed(
                        AwsErrorInfo.from(OPERATION, name, e), "RevisionId " + revision + " is no longer current", e);
            } catch (InvalidParameterValueException e) {
                AwsErrorInfo error = AwsErrorInfo.from(OPERATION, name, e);
                if (error.message() != null && error.message().contains("CodeSHA256")) {
                    throw codeMismatch(error, name, expectedSha, e);
                }
                throw new AwsCallException(error, e);
            } catch (SdkException e) {
                AwsErrorInfo error = AwsErrorInfo.from(OPERATION, name, e);
                boolean conflict = e instanceof ResourceConflictException;
                if (error.isThrottling()) {
                    // Lambda's quota, not the function: retried within the deadline, whatever maxRetries says
                    Duration delay = CodeUpdater.throttleDelay(ops, throttles++, e);
                    pauseWithin(deadline, delay, error, e);
                    ops.log().callThrottled(error, delay);
                    ops.sleeper().sleep(delay);
                    continue;
                }
                if (!(conflict || error.isTransient()) || retry >= request.maxRetries()) {
                    throw new AwsCallException(error, e);
                }
                // the SDK numbers attempts from 1 for the first call, which has no delay before it (computeDelay(1)
                // is zero): the call after `retry` retries so far is attempt retry + 2, the first retry's delay the
                // base
                Duration delay = Durations.max(ops.backoff().computeDelay(retry + 2), AwsCalls.retryAfter(e));
                pauseWithin(deadline, delay, error, e);
                retry++;
                ops.log().publishRetry(retry, request.maxRetries(), delay, error);
                ops.sleeper().sleep(delay);
                if (conflict) {
                    revision = awaitAgain(request, expectedSha, revision, deadline);
                }
            }
        }
    }

    /** Gives up on {@code error} when a pause of {@code delay} would end after the deadline. */
    private void pauseWithin(Deadline deadline, Duration delay, AwsErrorInfo error, SdkException e) {
        if (!deadline.allows(ops.clock(), delay)) {
            ops.log().outOfTime(error, delay, deadline.remaining(ops.clock()));
            throw new AwsCallException(error, e);
        }
    }

    /**
     * Waits out the update that caused a 409, within what is left of the deadline (never a new budget); returns
     * the RevisionId to pin next.
     */
    private @Nullable String awaitAgain(
            PublishVersionRequest request, @Nullable String expectedSha, @Nullable String revision, Deadline deadline)
            throws InterruptedException {
        String name = request.functionName();
        ops.log().waitingForReady(AfterWait.PUBLISH);
        WaitOutcome outcome = ops.await(name, null, request.waitSettings(), deadline);
        FunctionStatus seen = WaitConclusion.conclude(
                name, outcome, request.waitSettings().withFailOnTimeout(false), AfterWait.PUBLISH, ops.log(), null);
        return outcome.isReady() ? revisionToPin(request, expectedSha, seen) : revision;
    }

    /**
     * The user's RevisionId, else the one seen when the function was ready: it pins both code and configuration.
     * If the code seen then is not the expected code (compared as bytes), somebody else changed it: refuse to publish.
     */
    private static @Nullable String revisionToPin(
            PublishVersionRequest request, @Nullable String expectedSha, @Nullable FunctionStatus seen) {
        if (request.revisionId() != null) {
            return request.revisionId();
        }
        if (seen == null || !seen.isReady()) {
            return null;
        }
        if (expectedSha != null && !CodeHash.sameCode(expectedSha, seen.codeSha256())) {
            if (CodeHash.decode(seen.codeSha256()) == null) {
                throw new UnexpectedResponseException("Refusing to publish " + request.functionName()
                        + ": GetFunction reported no valid CodeSha256 for $LATEST (got '"
                        + (seen.codeSha256() == null ? "" : seen.codeSha256()) + "'), so it cannot be told from "
                        + expectedSha + "; nothing was published.");
            }
            throw new CodeChangedException(
                    "Refusing to publish " + request.functionName() + ": $LATEST has CodeSha256 "
                            + seen.codeSha256() + " but the expected code is " + expectedSha
                            + ". Someone else updated the function; nothing was published.",
                    null);
        }
        return seen.revisionId();
    }

    /**
     * Lambda refused the pinned CodeSha256. Only if $LATEST's code really differs (as bytes) did someone else change
     * it; otherwise it is reported as the AWS error it is.
     */
    private LambdaDeployException codeMismatch(
            AwsErrorInfo error, String name, @Nullable String expectedSha, Exception cause)
            throws InterruptedException {
        Observation now = ops.probe(name, null).probe();
        if (now instanceof Observation.Seen s
                && CodeHash.decode(s.status().codeSha256()) != null
                && !CodeHash.sameCode(expectedSha, s.status().codeSha256())) {
            return changed(error, "$LATEST has CodeSha256 " + s.status().codeSha256() + ", not " + expectedSha, cause);
        }
        return new AwsCallException(error, cause);
    }

    private static CodeChangedException changed(AwsErrorInfo error, String what, Exception cause) {
        return new CodeChangedException(
                error.describe() + ". " + what + ": someone else changed the function since "
                        + "it was updated; nothing was published.",
                cause);
    }

    /** PublishVersion answers with the version's ARN; results name the function's. */
    private static @Nullable String unqualified(@Nullable String arn) {
        if (arn == null) {
            return null;
        }
        String[] parts = arn.split(":");
        return parts.length == 8 ? arn.substring(0, arn.lastIndexOf(':')) : arn;
    }
}
