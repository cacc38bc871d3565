package dev.lambdadeploy.engine;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** An UpdateFunctionCode, and whether to wait for the update to finish. Build with {@link #builder()}. */
public record UpdateCodeRequest(
        String functionName,
        CodeSource code,
        List<String> architectures,
        boolean dryRun,
        boolean publish,
        @Nullable String revisionId,
        int maxRetries,
        boolean waitForReady,
        WaitSettings waitSettings)
        implements java.io.Serializable {

    public static final int DEFAULT_MAX_RETRIES = 3;

    public UpdateCodeRequest {
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(waitSettings, "waitSettings");
        architectures = List.copyOf(architectures);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.functionName = functionName;
        b.code = code;
        b.architectures = architectures;
        b.dryRun = dryRun;
        b.publish = publish;
        b.revisionId = revisionId;
        b.maxRetries = maxRetries;
        b.waitForReady = waitForReady;
        b.waitSettings = waitSettings;
        return b;
    }

    /** Collects raw user input; {@link #build()} validates all of it and names the first bad parameter. */
    public static final class Builder {
        private @Nullable String functionName;
        private @Nullable CodeSource code;
        private @Nullable List<String> architectures = List.of();
        private boolean dryRun;
        private boolean publish;
        private @Nullable String revisionId;
        private int maxRetries = DEFAULT_MAX_RETRIES;
        private boolean waitForReady = true;
        private WaitSettings waitSettings = WaitSettings.DEFAULTS;

        private Builder() {}

        public Builder functionName(@Nullable String functionName) {
            this.functionName = functionName;
            return this;
        }

        public Builder code(@Nullable CodeSource code) {
            this.code = code;
            return this;
        }

        public Builder architectures(@Nullable List<String> architectures) {
            this.architectures = architectures;
            return this;
        }

        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        public Builder publish(boolean publish) {
            this.publish = publish;
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

        public UpdateCodeRequest build() {
            String name = Validation.unqualifiedFunctionName(functionName);
            if (code == null) {
                throw new InvalidParameterException(
                        "code source",
                        "none given: set exactly one of "
                                + Parameter.S3_BUCKET.ref() + " + " + Parameter.S3_KEY.ref() + " (optionally "
                                + Parameter.S3_OBJECT_VERSION.ref() + "), " + Parameter.ZIP_FILE.ref() + ", or "
                                + Parameter.IMAGE_URI.ref());
            }
            if (dryRun && publish) {
                throw new InvalidParameterException(
                        "publish",
                        "cannot be combined with " + Parameter.DRY_RUN.ref()
                                + ": a dry run changes "
                                + "nothing, so there is nothing to publish");
            }
            return new UpdateCodeRequest(
                    name,
                    code,
                    Validation.architectures(architectures),
                    dryRun,
                    publish,
                    Validation.revisionId(revisionId),
                    Validation.maxRetries(maxRetries),
                    waitForReady,
                    waitSettings.validated());
        }
    }
}
