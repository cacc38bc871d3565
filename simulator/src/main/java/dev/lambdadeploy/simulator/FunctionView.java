package dev.lambdadeploy.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The modelled state of a function right now (scripted answers do not show here).
 * {@code lastUpdateCompletedAt} is the clock instant the last create or update finished, null while one
 * is in progress.
 */
public record FunctionView(
        String name,
        String arn,
        String state,
        @Nullable String stateReasonCode,
        @Nullable String stateReason,
        @Nullable String lastUpdateStatus,
        @Nullable String lastUpdateStatusReasonCode,
        @Nullable String lastUpdateStatusReason,
        String codeSha256,
        String revisionId,
        String description,
        List<VersionView> versions,
        Map<String, String> aliases,
        @Nullable Instant lastUpdateCompletedAt) {

    /** One published version. */
    public record VersionView(String version, String codeSha256, String description, String state) {}

    public boolean updateInProgress() {
        return lastUpdateCompletedAt == null;
    }
}
