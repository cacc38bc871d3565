package dev.lambdadeploy.engine;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A PublishVersion after waiting for readiness. {@code codeSha256} pins what may be published: the engine never
 * publishes code other than the code it was told about. In {@code rollback} mode a failed publish is a warning,
 * as in the spec: the rolled-back code is live either way.
 */
public record PublishVersionRequest(
        String functionName,
        @Nullable String description,
        @Nullable String codeSha256,
        @Nullable String revisionId,
        int maxRetries,
        boolean rollback,
        boolean waitForReady,
        WaitSettings waitSettings)
        implements java.io.Serializable {

    /** What rollback mode changes, in every front end's help. */
    public static final String ROLLBACK_MEANING = "A rollback: if PublishVersion fails (an AWS error that "
            + "survives the retries, or the deadline passes), warn and succeed without a version, as the original "
            + "script's rollback does: the rolled-back code is live. Still failures: the update Failed (the rollback did not "
            + "happen), someone else changed the function (412 or another CodeSha256: publishing code nobody asked "
            + "for is never acceptable), and a wait timeout when told to fail on one.";

    public PublishVersionRequest {
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(waitSettings, "waitSettings");
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .functionName(functionName)
                .description(description)
                .codeSha256(codeSha256)
                .revisionId(revisionId)
                .maxRetries(maxRetries)
                .rollback(rollback)
                .waitForReady(waitForReady)
                .waitSettings(waitSettings);
    }

    /** Collects raw user input; {@link #build()} validates all of it and names the first bad parameter. */
    public static final class Builder {
        private @Nullable String functionName;
        private @Nullable String description;
        private @Nullable String codeSha256;
        private @Nullable String revisionId;
        private int maxRetries = UpdateCodeRequest.DEFAULT_MAX_RETRIES;
        private boolean rollback;
        private boolean waitForReady = true;
        private WaitSettings waitSettings = WaitSettings.DEFAULTS;

        private Builder() {}

        public Builder functionName(@Nullable String functionName) {
            this.functionName = functionName;
            return this;
        }

        public Builder description(@Nullable String description) {
            this.description = description;
            return this;
        }

        /** With or without its trailing {@code =}: it is sent to Lambda as Lambda writes it, padded. */
        public Builder codeSha256(@Nullable String codeSha256) {
            this.codeSha256 = codeSha256;
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

        public Builder rollback(boolean rollback) {
            this.rollback = rollback;
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

        public PublishVersionRequest build() {
            return new PublishVersionRequest(
                    Validation.unqualifiedFunctionName(functionName),
                    Validation.description(description),
                    CodeHash.canonical(Validation.codeSha256(codeSha256)),
                    Validation.revisionId(revisionId),
                    Validation.maxRetries(maxRetries),
                    rollback,
                    waitForReady,
                    waitSettings.validated());
        }
    }
}
