package dev.lambdadeploy.engine;

import dev.lambdadeploy.engine.aws.AwsCalls;
import dev.lambdadeploy.engine.aws.AwsErrorInfo;
import dev.lambdadeploy.engine.release.FunctionSettings;
import dev.lambdadeploy.engine.wait.WaitOutcome;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.model.Environment;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.Layer;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationResponse;

/**
 * UpdateFunctionConfiguration as code updates are done: the configuration is read (after waiting out an update in
 * progress), the change applied to it and logged as a diff with environment values hidden, then sent pinned to the
 * RevisionId read (or the user's); a 409 waits the other update out and, if the configuration it read is still
 * the function's, sends again; a 412 refuses; a 429 is retried; then a wait for readiness. One deadline for all.
 */
final class ConfigurationUpdater {

    static final String OPERATION = LambdaOperationNames.UPDATE_FUNCTION_CONFIGURATION;
    static final String READ = "GetFunctionConfiguration";

    private final Operations ops;

    ConfigurationUpdater(Operations ops) {
        this.ops = ops;
    }

    /** The configuration read, and the settings the update sends. */
    private record Read(GetFunctionConfigurationResponse response, FunctionSettings current, FunctionSettings after) {}

    LambdaResult update(UpdateConfigurationRequest request) throws InterruptedException {
        Deadline deadline = ops.deadline(request.waitSettings(), request.maxRetries());
        String name = request.functionName();
        ops.log().updatingConfiguration(name);
        Read read = readWhenSettled(request, deadline);
        List<FunctionSettings.Change> changes = FunctionSettings.diff(read.current(), read.after());
        ops.log().configurationChanges(changes);
        LambdaResult before = LambdaResult.builder()
                .functionName(name)
                .functionArn(read.response().functionArn())
                .codeSha256(read.response().codeSha256())
                .revisionId(read.response().revisionId())
                .state(read.response().stateAsString())
                .lastUpdateStatus(read.response().lastUpdateStatusAsString())
                .build();
        if (request.dryRun()) {
            ops.log().configurationDryRun(name, changes.size());
            return before;
        }
        if (changes.isEmpty()) {
            return before;
        }
        String[] revision = {
            request.revisionId() != null
                    ? request.revisionId()
                    : read.response().revisionId()
        };
        Read[] planned = {read};
        InFlightCall call = new InFlightCall(OPERATION, name, null);
        GuardedChange.OnConflict awaitOther =
                GuardedChange.awaitingReadiness(ops, name, request.waitSettings(), request.maxRetries(), deadline);
        UpdateFunctionConfigurationResponse response = new GuardedChange(ops, call, deadline)
                .send(
                        () -> ops.lambda().updateFunctionConfiguration(toSdk(request, planned[0], revision[0])),
                        (conflict, e, conflictsBefore) -> {
                            awaitOther.conflict(conflict, e, conflictsBefore);
                            if (request.revisionId() == null) {
                                // the other update settled with a new RevisionId: go on only if it left the
                                // configuration this change was planned against as it was
                                Read again = read(request);
                                if (!again.current().equals(planned[0].current())) {
                                    throw new CodeChangedException(
                                            conflict.describe() + ". Someone else changed the configuration of "
                                                    + name + " while this update waited; nothing was updated. Run it"
                                                    + " again to apply the change to the new configuration.",
                                            e);
                                }
                                planned[0] = again;
                                revision[0] = again.response().revisionId();
                            }
                        },
                        (error, e) -> new CodeChangedException(
                                error.describe() + ". The function changed since RevisionId " + revision[0]
                                        + " was read; nothing was updated. Read the function again and retry.",
                                e));
        String requestId = response.responseMetadata().requestId();
        ops.log().configurationAccepted(response.revisionId());
        LambdaResult result = before.toBuilder()
                .revisionId(response.revisionId())
                .state(response.stateAsString())
                .lastUpdateStatus(response.lastUpdateStatusAsString())
                .codeSha256(response.codeSha256())
                .build();
        if (!request.waitForReady()) {
            return result;
        }
        ops.log().waitingForReady(AfterWait.CONTINUE);
        AcceptedUpdate accepted = new AcceptedUpdate(
                result,
                new FunctionStatus(
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
                        requestId));
        WaitOutcome outcome = ops.await(name, null, request.waitSettings(), deadline, accepted, false);
        if (outcome.kind() == WaitOutcome.Kind.FAILED && outcome.lastSeen() != null) {
            throw new FunctionFailedException(outcome.lastSeen(), OPERATION, requestId, "configuration");
        }
        WaitConclusion.conclude(name, outcome, request.waitSettings(), AfterWait.CONTINUE, ops.log(), requestId);
        if (outcome.isReady()) {
            ops.log().configurationUpdated();
        }
        return WaitConclusion.recorded(result, outcome);
    }

    /** The configuration, read again after waiting out an update in progress, so the diff is against settled values. */
    private Read readWhenSettled(UpdateConfigurationRequest request, Deadline deadline) throws InterruptedException {
        Read read = read(request);
        String status = read.response().lastUpdateStatusAsString();
        String state = read.response().stateAsString();
        if ("InProgress".equals(status) || "Pending".equals(state)) {
            ops.log().waitingForReady(AfterWait.CONTINUE);
            WaitOutcome outcome = ops.await(request.functionName(), null, request.waitSettings(), deadline);
            if (outcome.kind() == WaitOutcome.Kind.TIMED_OUT || outcome.kind() == WaitOutcome.Kind.UNOBSERVED) {
                // no update can be sent before that one ends; failOnTimeout or not, this step cannot go on
                WaitConclusion.conclude(
                        request.functionName(),
                        outcome,
                        request.waitSettings().withFailOnTimeout(true),
                        AfterWait.CONTINUE,
                        ops.log(),
                        null);
            }
            if (outcome.isReady()) {
                ops.log().ready(AfterWait.CONTINUE);
            }
            read = read(request);
        }
        return read;
    }

    private Read read(UpdateConfigurationRequest request) throws InterruptedException {
        String name = request.functionName();
        GetFunctionConfigurationResponse response;
        try {
            response = AwsCalls.interruptibly(() -> ops.lambda().getFunctionConfiguration(b -> b.functionName(name)));
        } catch (SdkException e) {
            throw new AwsCallException(AwsErrorInfo.from(READ, name, e), e);
        }
        FunctionSettings current = currentSettings(response);
        return new Read(response, current, request.settings().appliedTo(current, request.environmentMode()));
    }

    static FunctionSettings currentSettings(GetFunctionConfigurationResponse c) {
        return new FunctionSettings(
                c.environment() != null && c.environment().variables() != null
                        ? c.environment().variables()
                        : null,
                c.memorySize(),
                c.timeout(),
                c.handler(),
                c.runtimeAsString(),
                c.hasLayers() ? c.layers().stream().map(Layer::arn).toList() : null,
                c.description(),
                c.ephemeralStorage() != null ? c.ephemeralStorage().size() : null);
    }

    /** Only the fields the user set; the environment as a whole set (merged with the function's in MERGE mode). */
    private static UpdateFunctionConfigurationRequest toSdk(
            UpdateConfigurationRequest request, Read read, @Nullable String revisionId) {
        FunctionSettings asked = request.settings();
        UpdateFunctionConfigurationRequest.Builder b = UpdateFunctionConfigurationRequest.builder()
                .functionName(request.functionName())
                .revisionId(revisionId);
        if (asked.environment() != null) {
            b.environment(
                    Environment.builder().variables(read.after().environment()).build());
        }
        if (asked.memorySize() != null) {
            b.memorySize(asked.memorySize());
        }
        if (asked.timeout() != null) {
            b.timeout(asked.timeout());
        }
        if (asked.handler() != null) {
            b.handler(asked.handler());
        }
        if (asked.runtime() != null) {
            b.runtime(asked.runtime());
        }
        if (asked.layers() != null) {
            b.layers(asked.layers());
        }
        if (asked.description() != null) {
            b.description(asked.description());
        }
        if (asked.ephemeralStorage() != null) {
            b.ephemeralStorage(s -> s.size(asked.ephemeralStorage()));
        }
        return b.build();
    }
}
