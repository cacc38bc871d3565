package dev.lambdadeploy.engine;

import dev.lambdadeploy.engine.aws.AwsCalls;
import dev.lambdadeploy.engine.aws.AwsErrorInfo;
import dev.lambdadeploy.engine.wait.WaitOutcome;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.PublishVersionResponse;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;

/**
 * PublishVersion once the function is ready, pinned to the expected code: CodeSha256 (the uploaded code's, or
 * what was live when the function became ready) and the RevisionId seen then. A 409 is waited out and retried
 * with backoff; a mismatch means someone else changed the function, and nothing is published.
 */
final class VersionPublisher {

    static final String OPERATION = "PublishVersion";

    private final Operations ops;

    VersionPublisher(Operations ops) {
        this.ops = ops;
    }

    LambdaResult publish(PublishVersionRequest request) throws InterruptedException {
        if (!request.waitForReady()) {
            return publishAfter(request, emptyResult(request), null);
        }
        ops.log().waitingForReady();
        return publishAfterWait(request, ops.await(request.functionName(), null, request.waitSettings()));
    }

    /** Publishes after a wait someone else drove (the Jenkins plugin's restart-surviving wait). */
    LambdaResult publishAfterWait(PublishVersionRequest request, WaitOutcome outcome) throws InterruptedException {
        FunctionStatus seen = WaitConclusion.conclude(request.functionName(), outcome, request.waitSettings(),
                WaitConclusion.Next.PUBLISH, ops.log());
        return publishAfter(request, WaitConclusion.record(emptyResult(request), outcome), seen);
    }

    private LambdaResult publishAfter(PublishVersionRequest request, LambdaResult result, @Nullable FunctionStatus seen)
            throws InterruptedException {
        String expectedSha = request.codeSha256() != null ? request.codeSha256() : seen != null ? seen.codeSha256() : null;
        try {
            return publishPinned(request, result, expectedSha, seen);
        } catch (AwsCallException e) {
            if (!request.rollback()) {
                throw e;
            }
            ops.log().rollbackPublishFailed(e.getMessage());
            return result.withRollbackUnpublished();
        }
    }

    private static LambdaResult emptyResult(PublishVersionRequest request) {
        return LambdaResult.empty(request.functionName()).withCode(request.codeSha256(), request.revisionId());
    }

    private LambdaResult publishPinned(PublishVersionRequest request, LambdaResult result, @Nullable String expectedSha,
            @Nullable FunctionStatus seen) throws InterruptedException {
        String name = request.functionName();
        @Nullable String revision = revisionToPin(request, expectedSha, seen);
        ops.log().publishing();
        for (int retry = 0; ; retry++) {
            try {
                final String rev = revision;
                PublishVersionResponse response = AwsCalls.interruptibly(() -> ops.lambda().publishVersion(b -> b
                        .functionName(name).description(request.description()).codeSha256(expectedSha).revisionId(rev)));
                ops.log().published(response.version(), response.codeSha256());
                ops.log().updatedSuccessfully();
                return new LambdaResult(name, unqualified(response.functionArn()), response.version(), response.codeSha256(),
                        response.revisionId(), response.stateAsString(), response.lastUpdateStatusAsString(),
                        result.attempts(), result.waited(), true, result.timedOut(), result.warning());
            } catch (PreconditionFailedException e) {
                throw changed(AwsErrorInfo.from(OPERATION, name, e), "RevisionId " + revision + " is no longer current", e);
            } catch (InvalidParameterValueException e) {
                AwsErrorInfo error = AwsErrorInfo.from(OPERATION, name, e);
                if (error.message() != null && error.message().contains("CodeSHA256")) {
                    throw changed(error, "$LATEST no longer has CodeSha256 " + expectedSha, e);
                }
                throw new AwsCallException(error, e);
            } catch (SdkException e) {
                AwsErrorInfo error = AwsErrorInfo.from(OPERATION, name, e);
                boolean conflict = e instanceof ResourceConflictException;
                if (!(conflict || error.isThrottling() || error.isTransient()) || retry >= request.maxRetries()) {
                    throw new AwsCallException(error, e);
                }
                Duration delay = Durations.max(ops.backoff().computeDelay(retry + 2), AwsCalls.retryAfter(e));
                ops.log().publishRetry(retry + 1, request.maxRetries(), delay, error);
                ops.sleeper().sleep(delay);
                if (conflict) {
                    revision = awaitAgain(request, expectedSha, revision);
                }
            }
        }
    }

    /** Waits out the update that caused a 409; returns the RevisionId to pin next. */
    private @Nullable String awaitAgain(PublishVersionRequest request, @Nullable String expectedSha,
            @Nullable String revision) throws InterruptedException {
        String name = request.functionName();
        ops.log().waitingForReady();
        WaitOutcome outcome = ops.await(name, null, request.waitSettings());
        FunctionStatus seen = WaitConclusion.conclude(name, outcome, request.waitSettings().withFailOnTimeout(false),
                WaitConclusion.Next.PUBLISH, ops.log());
        return outcome.isReady() ? revisionToPin(request, expectedSha, seen) : revision;
    }

    /**
     * The user's RevisionId, else the one seen when the function was ready: it pins both code and configuration.
     * If the code seen then is not the expected code, somebody else changed it: refuse to publish.
     */
    private static @Nullable String revisionToPin(PublishVersionRequest request, @Nullable String expectedSha,
            @Nullable FunctionStatus seen) {
        if (request.revisionId() != null) {
            return request.revisionId();
        }
        if (seen == null || !seen.isReady()) {
            return null;
        }
        if (expectedSha != null && seen.codeSha256() != null && !Objects.equals(expectedSha, seen.codeSha256())) {
            throw new CodeChangedException("Refusing to publish " + request.functionName() + ": $LATEST has CodeSha256 "
                    + seen.codeSha256() + " but the expected code is " + expectedSha
                    + ". Someone else updated the function; nothing was published.", null);
        }
        return seen.revisionId();
    }

    private static CodeChangedException changed(AwsErrorInfo error, String what, Exception cause) {
        return new CodeChangedException(error.describe() + ". " + what + ": someone else changed the function since "
                + "it was updated; nothing was published.", cause);
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
