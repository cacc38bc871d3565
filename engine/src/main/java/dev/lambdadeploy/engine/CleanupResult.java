package dev.lambdadeploy.engine;

import dev.lambdadeploy.engine.release.VersionCleanup;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a version cleanup did: the versions deleted (in a dry run: those that would be), oldest first; those kept,
 * each with the first reason that keeps it; those Lambda refused to delete (409: an alias moved onto them
 * meanwhile), skipped and never forced.
 */
public record CleanupResult(
        String functionName, List<String> deleted, List<VersionCleanup.Kept> kept, List<String> skipped, boolean dryRun)
        implements OperationResult, java.io.Serializable {

    public CleanupResult {
        Objects.requireNonNull(functionName, "functionName");
        deleted = List.copyOf(deleted);
        kept = List.copyOf(kept);
        skipped = List.copyOf(skipped);
    }

    /** Plain values only, for a Pipeline map or JSON: kept as a map from version to reason. */
    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("functionName", functionName);
        map.put("deleted", deleted);
        Map<String, String> keptMap = new LinkedHashMap<>();
        kept.forEach(k -> keptMap.put(k.version(), reason(k.because())));
        map.put("kept", Collections.unmodifiableMap(keptMap));
        map.put("skipped", skipped);
        map.put("dryRun", dryRun);
        return Collections.unmodifiableMap(map);
    }

    /** The versions deleted (or, in a dry run, that would be) and skipped, comma-separated, oldest first. */
    @Override
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("LAMBDA_DELETED_VERSIONS", String.join(",", deleted));
        env.put("LAMBDA_SKIPPED_VERSIONS", String.join(",", skipped));
        return Collections.unmodifiableMap(env);
    }

    /** A cleanup has nothing to warn about: what it skipped is in {@code skipped}, and the log says why. */
    @Override
    public @Nullable String warning() {
        return null;
    }

    /** A reason as users read it: "routed to by an alias". */
    public static String reason(VersionCleanup.KeptBecause because) {
        return because.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
