package dev.lambdadeploy.engine;

import java.io.Serializable;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a step did, as every front end reports it: the Pipeline steps return {@link #toMap()}, freestyle builds
 * export {@link #environment()}, the CLI prints either. Holds no credentials.
 *
 * @param version the version published, or null when none was (e.g. a rollback whose publish failed)
 * @param attempts polls made while waiting for readiness
 * @param waited time spent waiting for readiness
 * @param timedOut the wait ran out of budget and the step went on, as the spec does, with a warning
 * @param warning what went wrong without failing the step (a timeout, a rollback published without a
 *     version), for Blue Ocean's and the stage view's warning marker; null when nothing did
 */
public record LambdaResult(
        String functionName,
        @Nullable String functionArn,
        @Nullable String version,
        @Nullable String codeSha256,
        @Nullable String revisionId,
        @Nullable String state,
        @Nullable String lastUpdateStatus,
        int attempts,
        Duration waited,
        boolean published,
        boolean timedOut,
        @Nullable String warning) implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String TIMEOUT_WARNING = "Timeout waiting for Lambda function to be ready";
    public static final String ROLLBACK_WARNING = "Rollback function code was updated but version publishing failed";

    public LambdaResult {
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(waited, "waited");
    }

    /** Nothing known yet but the function's name. */
    public static LambdaResult empty(String functionName) {
        return new LambdaResult(functionName, null, null, null, null, null, null, 0, Duration.ZERO, false, false, null);
    }

    /** The result of a step that saw {@code status} last. */
    public static LambdaResult of(FunctionStatus status) {
        return new LambdaResult(status.functionName(), status.functionArn(), null, status.codeSha256(),
                status.revisionId(), status.state(), status.lastUpdateStatus(), 0, Duration.ZERO, false, false, null);
    }

    /** The state fields of {@code status}; the CodeSha256 already known (the uploaded code's) is kept. */
    public LambdaResult withStatus(FunctionStatus status) {
        return new LambdaResult(functionName, status.functionArn() != null ? status.functionArn() : functionArn, version,
                codeSha256 != null ? codeSha256 : status.codeSha256(),
                status.revisionId() != null ? status.revisionId() : revisionId, status.state(), status.lastUpdateStatus(),
                attempts, waited, published, timedOut, warning);
    }

    public LambdaResult withWait(int attempts, Duration waited, boolean timedOut) {
        return new LambdaResult(functionName, functionArn, version, codeSha256, revisionId, state, lastUpdateStatus,
                this.attempts + attempts, this.waited.plus(waited), published, this.timedOut || timedOut,
                timedOut && warning == null ? TIMEOUT_WARNING : warning);
    }

    public LambdaResult withFunctionArn(@Nullable String functionArn) {
        return new LambdaResult(functionName, functionArn, version, codeSha256, revisionId, state, lastUpdateStatus,
                attempts, waited, published, timedOut, warning);
    }

    public LambdaResult withCode(@Nullable String codeSha256, @Nullable String revisionId) {
        return new LambdaResult(functionName, functionArn, version, codeSha256, revisionId, state, lastUpdateStatus,
                attempts, waited, published, timedOut, warning);
    }

    public LambdaResult withVersion(@Nullable String version, boolean published) {
        return new LambdaResult(functionName, functionArn, version, codeSha256, revisionId, state, lastUpdateStatus,
                attempts, waited, published, timedOut, warning);
    }

    /** A rollback whose code is live but whose version could not be published: a warning, not a failure. */
    public LambdaResult withRollbackUnpublished() {
        return new LambdaResult(functionName, functionArn, null, codeSha256, revisionId, state, lastUpdateStatus,
                attempts, waited, false, timedOut, ROLLBACK_WARNING);
    }

    /** Plain values only, so Pipeline scripts read them in the sandbox: {@code result.version}. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("functionName", functionName);
        map.put("functionArn", functionArn);
        map.put("version", version);
        map.put("codeSha256", codeSha256);
        map.put("revisionId", revisionId);
        map.put("state", state);
        map.put("lastUpdateStatus", lastUpdateStatus);
        map.put("attempts", attempts);
        map.put("secondsWaited", waited.toMillis() / 1000.0);
        map.put("published", published);
        map.put("timedOut", timedOut);
        map.put("warning", warning);
        return Collections.unmodifiableMap(map);
    }

    /** The variables a freestyle build step exports to the steps after it; absent values are left out. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        putIfPresent(env, "LAMBDA_FUNCTION_ARN", functionArn);
        putIfPresent(env, "LAMBDA_VERSION", version);
        putIfPresent(env, "LAMBDA_CODE_SHA256", codeSha256);
        putIfPresent(env, "LAMBDA_REVISION_ID", revisionId);
        return Collections.unmodifiableMap(env);
    }

    private static void putIfPresent(Map<String, String> env, String name, @Nullable String value) {
        if (value != null) {
            env.put(name, value);
        }
    }
}
