package dev.lambdadeploy.engine;

import dev.lambdadeploy.engine.release.FunctionSettings;
import dev.lambdadeploy.engine.release.FunctionSettings.EnvironmentMode;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An UpdateFunctionConfiguration: the fields to change ({@link FunctionSettings}, null fields left as they are), how
 * the environment meets the function's, and how to wait. Build with {@link #builder()}.
 *
 * @param revisionId the RevisionId the update is pinned to; null to pin it to the one read before the update
 * @param dryRun log what would change and change nothing
 */
public record UpdateConfigurationRequest(
        String functionName,
        FunctionSettings settings,
        EnvironmentMode environmentMode,
        @Nullable String revisionId,
        int maxRetries,
        boolean waitForReady,
        WaitSettings waitSettings,
        boolean dryRun)
        implements java.io.Serializable {

    public UpdateConfigurationRequest {
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(environmentMode, "environmentMode");
        Objects.requireNonNull(waitSettings, "waitSettings");
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.functionName = functionName;
        b.settings = settings;
        b.environmentMode = environmentMode;
        b.revisionId = revisionId;
        b.maxRetries = maxRetries;
        b.waitForReady = waitForReady;
        b.waitSettings = waitSettings;
        b.dryRun = dryRun;
        return b;
    }

    /** Collects raw user input; {@link #build()} validates all of it and names the first bad parameter. */
    public static final class Builder {
        private @Nullable String functionName;
        private @Nullable FunctionSettings settings;
        private @Nullable EnvironmentMode environmentMode = EnvironmentMode.MERGE;
        private @Nullable String revisionId;
        private int maxRetries = UpdateCodeRequest.DEFAULT_MAX_RETRIES;
        private boolean waitForReady = true;
        private WaitSettings waitSettings = WaitSettings.DEFAULTS;
        private boolean dryRun;

        private Builder() {}

        public Builder functionName(@Nullable String functionName) {
            this.functionName = functionName;
            return this;
        }

        public Builder settings(@Nullable FunctionSettings settings) {
            this.settings = settings;
            return this;
        }

        /** MERGE (the default): the given variables are added to the function's; REPLACE: they become all of them. */
        public Builder environmentMode(@Nullable EnvironmentMode environmentMode) {
            this.environmentMode = environmentMode;
            return this;
        }

        public Builder revisionId(@Nullable String revisionId) {
            this.revisionId = revisionId;
            return this;
        }

        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        public Builder waitForReady(boolean waitForReady) {
            this.waitForReady = waitForReady;
            return this;
        }

        public Builder waitSettings(WaitSettings waitSettings) {
            this.waitSettings = Objects.requireNonNull(waitSettings, "waitSettings");
            return this;
        }

        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        public UpdateConfigurationRequest build() {
            String name = Validation.unqualifiedFunctionName(functionName);
            if (settings == null || settings.isEmpty()) {
                throw new InvalidParameterException(
                        "configuration",
                        "nothing to change: set at least one of environment, memorySize, timeout, handler, runtime,"
                                + " layers, description or ephemeralStorage");
            }
            if (environmentMode == null) {
                throw new InvalidParameterException("environmentMode", "none given: merge or replace");
            }
            return new UpdateConfigurationRequest(
                    name,
                    settings.validated(),
                    environmentMode,
                    Validation.revisionId(revisionId),
                    Validation.maxRetries(maxRetries),
                    waitForReady,
                    waitSettings.validated(),
                    dryRun);
        }
    }
}
