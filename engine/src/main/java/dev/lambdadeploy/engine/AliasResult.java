package dev.lambdadeploy.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where an alias routes after an alias operation: all its traffic to {@code aliasVersion}.
 *
 * @param functionName the function
 * @param alias the alias
 * @param aliasVersion the one version the alias routes all traffic to now
 * @param previousVersion the version it routed to before, null if this operation created it
 * @param aliasRevisionId the alias's RevisionId after the last change
 * @param created whether this operation created the alias
 * @param rolledBack whether a gradual shift was rolled back (then {@code aliasVersion} is the previous version)
 * @param rollbackAlarm the alarm that rolled it back, if one did
 * @param warning what went wrong without failing the operation (a rollback under onAlarm UNSTABLE), null if nothing
 */
public record AliasResult(
        String functionName,
        String alias,
        String aliasVersion,
        @Nullable String previousVersion,
        @Nullable String aliasRevisionId,
        boolean created,
        boolean rolledBack,
        @Nullable String rollbackAlarm,
        @Nullable String warning)
        implements OperationResult, java.io.Serializable {

    public AliasResult {
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(aliasVersion, "aliasVersion");
    }

    /** The fields by name, as front ends print and persist them. */
    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("functionName", functionName);
        map.put("alias", alias);
        map.put("aliasVersion", aliasVersion);
        map.put("previousVersion", previousVersion);
        map.put("aliasRevisionId", aliasRevisionId);
        map.put("aliasCreated", created);
        map.put("rolledBack", rolledBack);
        map.put("rollbackAlarm", rollbackAlarm);
        map.put("warning", warning);
        return map;
    }

    /** The alias's variables for the freestyle build steps after this one; absent values are left out. */
    @Override
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("LAMBDA_ALIAS", alias);
        env.put("LAMBDA_ALIAS_VERSION", aliasVersion);
        if (previousVersion != null) {
            env.put("LAMBDA_PREVIOUS_VERSION", previousVersion);
        }
        if (aliasRevisionId != null) {
            env.put("LAMBDA_ALIAS_REVISION_ID", aliasRevisionId);
        }
        env.put("LAMBDA_ALIAS_ROLLED_BACK", Boolean.toString(rolledBack));
        return Collections.unmodifiableMap(env);
    }

    /** A rollback that did not fail the operation (onAlarm UNSTABLE) is what the user asked to see as UNSTABLE. */
    @Override
    public boolean marksUnstable() {
        return rolledBack && warning != null;
    }

    /** The inverse of {@link #toMap()}. */
    public static AliasResult fromMap(Map<String, ?> map) {
        return new AliasResult(
                (String) Objects.requireNonNull(map.get("functionName"), "functionName"),
                (String) Objects.requireNonNull(map.get("alias"), "alias"),
                (String) Objects.requireNonNull(map.get("aliasVersion"), "aliasVersion"),
                (String) map.get("previousVersion"),
                (String) map.get("aliasRevisionId"),
                (Boolean) Objects.requireNonNull(map.get("aliasCreated"), "aliasCreated"),
                (Boolean) Objects.requireNonNull(map.get("rolledBack"), "rolledBack"),
                (String) map.get("rollbackAlarm"),
                (String) map.get("warning"));
    }

    /**
     * A deploy's result and its alias's in one map: the deploy's fields, then the alias's (a warning from either).
     */
    public static Map<String, Object> merged(LambdaResult deployed, @Nullable AliasResult alias) {
        Map<String, Object> map = new LinkedHashMap<>(deployed.toMap());
        if (alias != null) {
            Object deployWarning = map.get("warning");
            map.putAll(alias.toMap());
            if (deployWarning != null) {
                map.put("warning", alias.warning() == null ? deployWarning : deployWarning + "; " + alias.warning());
            }
        }
        return map;
    }
}
