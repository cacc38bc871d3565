package dev.lambdadeploy.engine;

import dev.lambdadeploy.engine.aws.AwsCalls;
import dev.lambdadeploy.engine.wait.ReadinessDecider;
import dev.lambdadeploy.engine.wait.WaitOutcome;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeRequest;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeResponse;

/**
 * UpdateFunctionCode that waits out an update already in progress instead of failing on its 409, and retries a
 * throttled (429) call after what Lambda asked for, all within the operation's deadline.
 */
final class CodeUpdater {

    static final String OPERATION = LambdaOperationNames.UPDATE_FUNCTION_CODE;

    private final Operations ops;

    CodeUpdater(Operations ops) {
        this.ops = ops;
    }

    /** The update's result, the request id of the UpdateFunctionCode Lambda accepted, and what it answered. */
    record Updated(LambdaResult result, @Nullable String requestId, AcceptedUpdate accepted) {}

    LambdaResult update(UpdateCodeRequest request) throws InterruptedException {
        return update(request, ops.deadline(request.waitSettings(), request.maxRetries()))
                .result();
    }

    Updated update(UpdateCodeRequest request, Deadline deadline) throws InterruptedException {
        String name = request.functionName();
        ops.log().updating(name, request.code().describe());
        UpdateFunctionCodeResponse response = submit(request, deadline);
        String requestId = response.responseMetadata().requestId();
        FunctionStatus accepted = new FunctionStatus(
                name,
                response.functionArn(),
                response.stateAsString(),
                response.lastUpdateStatusAsString(),
                response.stateReason(),
                response.stateReasonCodeAsString(),
                response.lastUpdateStatusReason(),
                response.lastUpdateStatusReasonCodeAsString(),
                response.codeSha256(),
                response.revisionId(),
                response.version(),
                requestId);
        if (CodeHash.decode(accepted.codeSha256()) == null) {
            throw new UnexpectedResponseException(OPERATION + " on " + name + " (request id " + requestId
                    + ") answered without a valid CodeSha256 (got '"
                    + (accepted.codeSha256() == null ? "" : accepted.codeSha256())
                    + "'), so no publish could be pinned to the uploaded code; nothing will be published. Check the "
                    + "function with aws lambda get-function-configuration before deploying again.");
        }
        LambdaResult result = LambdaResult.of(accepted);
        if (request.dryRun()) {
            ops.log().dryRunPassed(name, accepted.codeSha256());
            return new Updated(result, requestId, new AcceptedUpdate(result, accepted));
        }
        ops.log().updateAccepted(accepted.codeSha256(), accepted.revisionId());
        if (request.publish()) {
            result = result.toBuilder()
                    .version(response.version())
                    .published(true)
                    .build();
        }
        AcceptedUpdate acceptedUpdate = new AcceptedUpdate(result, accepted);
        if (!request.waitForReady()) {
            return new Updated(result, requestId, acceptedUpdate);
        }
        ops.log().waitingForReady(AfterWait.CONTINUE);
        WaitOutcome outcome = ops.await(name, null, request.waitSettings(), deadline, acceptedUpdate, true);
        WaitConclusion.conclude(name, outcome, request.waitSettings(), AfterWait.CONTINUE, ops.log(), requestId);
        return new Updated(WaitConclusion.recorded(result, outcome), requestId, acceptedUpdate);
    }

    private UpdateFunctionCodeResponse submit(UpdateCodeRequest request, Deadline deadline)
            throws InterruptedException {
        UpdateFunctionCodeRequest sdkRequest = toSdk(request);
        InFlightCall call = new InFlightCall(OPERATION, request.functionName(), localSha256(request.code()));
        return new GuardedChange(ops, call, deadline)
                .send(
                        () -> ops.lambda().updateFunctionCode(sdkRequest),
                        GuardedChange.awaitingReadiness(
                                ops, request.functionName(), request.waitSettings(), request.maxRetries(), deadline),
                        (error, e) -> new CodeChangedException(
                                error.describe() + ". The function changed since RevisionId " + request.revisionId()
                                        + " was read; nothing was updated. Read the function again and retry.",
                                e));
    }

    /** After a 429: what Lambda asked for (Retry-After), the backoff, and at least a second. */
    static Duration throttleDelay(Operations ops, int throttlesBefore, SdkException e) {
        // + 2: the SDK's attempt 1 is the first call, with no delay before it; the first retry is attempt 2
        Duration delay = Durations.max(ops.backoff().computeDelay(throttlesBefore + 2), AwsCalls.retryAfter(e));
        return Durations.max(delay, ReadinessDecider.MIN_THROTTLE_DELAY);
    }

    /** A zip's CodeSha256 as Lambda will compute it; unknown for S3 objects and images. */
    private static @Nullable String localSha256(CodeSource code) {
        if (code instanceof CodeSource.ZipFile zip) {
            try {
                return Base64.getEncoder()
                        .encodeToString(MessageDigest.getInstance("SHA-256").digest(zip.bytes()));
            } catch (NoSuchAlgorithmException e) {
                return null;
            }
        }
        return null;
    }

    private static UpdateFunctionCodeRequest toSdk(UpdateCodeRequest request) {
        UpdateFunctionCodeRequest.Builder b = UpdateFunctionCodeRequest.builder()
                .functionName(request.functionName())
                .revisionId(request.revisionId());
        if (!request.architectures().isEmpty()) {
            b.architecturesWithStrings(request.architectures());
        }
        if (request.dryRun()) {
            b.dryRun(true);
        }
        if (request.publish()) {
            b.publish(true);
        }
        CodeSource code = request.code();
        if (code instanceof CodeSource.ZipFile zip) {
            b.zipFile(SdkBytes.fromByteArray(zip.bytes()));
        } else if (code instanceof CodeSource.S3Object s3) {
            b.s3Bucket(s3.bucket()).s3Key(s3.key()).s3ObjectVersion(s3.objectVersion());
        } else if (code instanceof CodeSource.ImageUri image) {
            b.imageUri(image.uri());
        }
        return b.build();
    }
}
