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
        @Nullable String warning)
        implements Serializable, OperationResult {

    private static final long serialVersionUID = 1L;

    public static final String TIMEOUT_WARNING = "Timeout waiting for Lambda function to be ready";
    public static final String ROLLBACK_WARNING = "Rollback function code was updated but version publishing failed";

    public LambdaResult {
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(waited, "waited");
    }

    /** Nothing known yet but the function's name. */
    public static LambdaResult empty(String functionName) {
        return builder().functionName(functionName).build();
    }

    /** The result of a step that saw {@code status} last. */
    public static LambdaResult of(FunctionStatus status) {
        return builder()
                .functionName(status.functionName())
                .functionArn(status.functionArn())
                .codeSha256(status.codeSha256())
                .revisionId(status.revisionId())
                .state(status.state())
                .lastUpdateStatus(status.lastUpdateStatus())
                .build();
    }

    /** A result built field by field; {@code functionName} is required, {@code waited} is zero unless set. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * This result with {@code earlier} (the warning of a step before it, e.g. a configuration wait that timed out ahead
     * of the code update) ahead of its own warning; unchanged when {@code earlier} is null.
     */
    public LambdaResult withEarlierWarning(@Nullable String earlier) {
        if (earlier == null) {
            return this;
        }
        return toBuilder()
                .warning(warning == null ? earlier : earlier + "; " + warning)
                .build();
    }

    /** A builder holding every field of this result, to change some of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link LambdaResult}; each setter replaces one field. */
    public static final class Builder {

        private @Nullable String functionName;
        private @Nullable String functionArn;
        private @Nullable String version;
        private @Nullable String codeSha256;
        private @Nullable String revisionId;
        private @Nullable String state;
        private @Nullable String lastUpdateStatus;
        private int attempts;
        private Duration waited = Duration.ZERO;
        private boolean published;
        private boolean timedOut;
        private @Nullable String warning;

        private Builder() {}

        private Builder(LambdaResult r) {
            functionName = r.functionName;
            functionArn = r.functionArn;
            version = r.version;
            codeSha256 = r.codeSha256;
            revisionId = r.revisionId;
            state = r.state;
            lastUpdateStatus = r.lastUpdateStatus;
            attempts = r.attempts;
            waited = r.waited;
            published = r.published;
            timedOut = r.timedOut;
            warning = r.warning;
        }

        public Builder functionName(String functionName) {
            this.functionName = functionName;
            return this;
        }

        public Builder functionArn(@Nullable String functionArn) {
            this.functionArn = functionArn;
            return this;
        }

        public Builder version(@Nullable String version) {
            this.version = version;
            return this;
        }

        public Builder codeSha256(@Nullable String codeSha256) {
            this.codeSha256 = codeSha256;
            return this;
        }

        public Builder revisionId(@Nullable String revisionId) {
            this.revisionId = revisionId;
            return this;
        }

        public Builder state(@Nullable String state) {
            this.state = state;
            return this;
        }

        public Builder lastUpdateStatus(@Nullable String lastUpdateStatus) {
            this.lastUpdateStatus = lastUpdateStatus;
            return this;
        }

        public Builder attempts(int attempts) {
            this.attempts = attempts;
            return this;
        }

        public Builder waited(Duration waited) {
            this.waited = waited;
            return this;
        }

        public Builder published(boolean published) {
            this.published = published;
            return this;
        }

        public Builder timedOut(boolean timedOut) {
            this.timedOut = timedOut;
            return this;
        }

        public Builder warning(@Nullable String warning) {
            this.warning = warning;
            return this;
        }

        /** Throws {@link NullPointerException} when {@code functionName} or {@code waited} is missing. */
        public LambdaResult build() {
            return new LambdaResult(
                    Objects.requireNonNull(functionName, "functionName"),
                    functionArn,
                    version,
                    codeSha256,
                    revisionId,
                    state,
                    lastUpdateStatus,
                    attempts,
                    waited,
                    published,
                    timedOut,
                    warning);
        }
    }

    /** Plain values only, so Pipeline scripts read them in the sandbox: {@code result.version}. */
    @Override
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

    /**
     * The result {@link #toMap()} gave: a front end may keep the plain map (the Jenkins plugin persists it across a
     * restart) and have the result back. {@code secondsWaited} comes back to the millisecond.
     *
     * @throws IllegalArgumentException when {@code map} is not such a map
     */
    public static LambdaResult fromMap(Map<String, ?> map) {
        try {
            return new LambdaResult(
                    (String) Objects.requireNonNull(map.get("functionName"), "functionName"),
                    (String) map.get("functionArn"),
                    (String) map.get("version"),
                    (String) map.get("codeSha256"),
                    (String) map.get("revisionId"),
                    (String) map.get("state"),
                    (String) map.get("lastUpdateStatus"),
                    ((Number) Objects.requireNonNull(map.get("attempts"), "attempts")).intValue(),
                    Duration.ofMillis(Math.round(
                            ((Number) Objects.requireNonNull(map.get("secondsWaited"), "secondsWaited")).doubleValue()
                                    * 1000)),
                    (Boolean) Objects.requireNonNull(map.get("published"), "published"),
                    (Boolean) Objects.requireNonNull(map.get("timedOut"), "timedOut"),
                    (String) map.get("warning"));
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("not a map of LambdaResult.toMap(): " + e.getMessage(), e);
        }
    }

    /** The variables a freestyle build step exports to the steps after it; absent values are left out. */
    @Override
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
