package dev.lambdadeploy.engine;

import dev.lambdadeploy.engine.aws.AwsCalls;
import dev.lambdadeploy.engine.aws.AwsErrorInfo;
import dev.lambdadeploy.engine.wait.WaitOutcome;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeRequest;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeResponse;

/** UpdateFunctionCode that waits out an update already in progress instead of failing on its 409. */
final class CodeUpdater {

    static final String OPERATION = "UpdateFunctionCode";

    private final Operations ops;

    CodeUpdater(Operations ops) {
        this.ops = ops;
    }

    LambdaResult update(UpdateCodeRequest request) throws InterruptedException {
        String name = request.functionName();
        ops.log().updating(name, request.code().describe());
        UpdateFunctionCodeResponse response = submit(request);
        FunctionStatus accepted = new FunctionStatus(name, response.functionArn(), response.stateAsString(),
                response.lastUpdateStatusAsString(), response.stateReason(), response.stateReasonCodeAsString(),
                response.lastUpdateStatusReason(), response.lastUpdateStatusReasonCodeAsString(), response.codeSha256(),
                response.revisionId(), response.version(), response.responseMetadata().requestId());
        LambdaResult result = LambdaResult.of(accepted);
        if (request.dryRun()) {
            ops.log().dryRunPassed(name, accepted.codeSha256());
            return result;
        }
        ops.log().updateAccepted(accepted.codeSha256(), accepted.revisionId());
        if (request.publish()) {
            result = result.withVersion(response.version(), true);
        }
        if (!request.waitForReady()) {
            return result;
        }
        ops.log().waitingForReady();
        WaitOutcome outcome = ops.await(name, null, request.waitSettings());
        WaitConclusion.conclude(name, outcome, request.waitSettings(), WaitConclusion.Next.CONTINUE, ops.log());
        return WaitConclusion.record(result, outcome);
    }

    private UpdateFunctionCodeResponse submit(UpdateCodeRequest request) throws InterruptedException {
        UpdateFunctionCodeRequest sdkRequest = toSdk(request);
        for (int conflicts = 0; ; conflicts++) {
            try {
                return AwsCalls.interruptibly(() -> ops.lambda().updateFunctionCode(sdkRequest));
            } catch (ResourceConflictException e) {
                AwsErrorInfo conflict = AwsErrorInfo.from(OPERATION, request.functionName(), e);
                if (conflicts >= request.maxRetries()) {
                    throw new AwsCallException(conflict, e);
                }
                ops.log().updateInProgressBeforeUpdate(conflict);
                WaitOutcome outcome = ops.await(request.functionName(), null, request.waitSettings());
                if (outcome.kind() == WaitOutcome.Kind.TIMED_OUT) {
                    throw new AwsCallException(conflict, e);
                }
                // Ready, or the earlier update Failed: either way Lambda takes a new update now.
            } catch (PreconditionFailedException e) {
                throw new CodeChangedException(AwsErrorInfo.from(OPERATION, request.functionName(), e).describe()
                        + ". The function changed since RevisionId " + request.revisionId()
                        + " was read; nothing was updated. Read the function again and retry.", e);
            } catch (SdkException e) {
                throw new AwsCallException(AwsErrorInfo.from(OPERATION, request.functionName(), e), e);
            }
        }
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
