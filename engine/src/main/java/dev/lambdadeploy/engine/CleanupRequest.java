package dev.lambdadeploy.engine;

import dev.lambdadeploy.engine.release.VersionCleanup;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A version cleanup: which published versions stay ({@link VersionCleanup}'s rules: the newest {@code keepNewest}
 * and/or those younger than {@code keepYoungerThan}; never {@code $LATEST}, never one an alias routes to), and
 * whether only to list what would go. Build with {@link #builder()}.
 *
 * @param maxRetries how often one delete is sent again after a 429
 */
public record CleanupRequest(String functionName, VersionCleanup rules, boolean dryRun, int maxRetries)
        implements java.io.Serializable {

    public CleanupRequest {
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(rules, "rules");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects raw user input; {@link #build()} validates all of it and names the first bad parameter. */
    public static final class Builder {
        private @Nullable String functionName;
        private @Nullable Integer keepNewest;
        private @Nullable Duration keepYoungerThan;
        private boolean dryRun;
        private int maxRetries = UpdateCodeRequest.DEFAULT_MAX_RETRIES;

        private Builder() {}

        public Builder functionName(@Nullable String functionName) {
            this.functionName = functionName;
            return this;
        }

        /** How many of the newest versions stay (1 or more); null to keep by age only. */
        public Builder keepNewest(@Nullable Integer keepNewest) {
            this.keepNewest = keepNewest;
            return this;
        }

        /** Versions younger than this stay; null to keep by count only. */
        public Builder keepYoungerThan(@Nullable Duration keepYoungerThan) {
            this.keepYoungerThan = keepYoungerThan;
            return this;
        }

        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        public CleanupRequest build() {
            String name = Validation.unqualifiedFunctionName(functionName);
            VersionCleanup rules = VersionCleanup.of(
                    keepNewest,
                    keepYoungerThan,
                    Parameter.KEEP_VERSIONS.jenkinsName(),
                    Parameter.KEEP_YOUNGER_THAN.jenkinsName());
            return new CleanupRequest(name, rules, dryRun, Validation.maxRetries(maxRetries));
        }
    }
}
