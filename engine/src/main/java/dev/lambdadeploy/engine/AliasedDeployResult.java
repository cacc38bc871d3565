package dev.lambdadeploy.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A deploy that also pointed or shifted an alias: the deploy's result and the alias's (null if it was left alone). */
public record AliasedDeployResult(
        LambdaResult deployed, @Nullable AliasResult alias) implements OperationResult, java.io.Serializable {

    public AliasedDeployResult {
        Objects.requireNonNull(deployed, "deployed");
    }

    /** Every field in one map: the deploy's, then the alias's. */
    @Override
    public Map<String, Object> toMap() {
        return AliasResult.merged(deployed, alias);
    }

    /** The deploy's variables, then the alias's. */
    @Override
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>(deployed.environment());
        if (alias != null) {
            env.putAll(alias.environment());
        }
        return Collections.unmodifiableMap(env);
    }

    /** The deploy's warning and the alias's, joined. */
    @Override
    public @Nullable String warning() {
        return (String) toMap().get("warning");
    }

    @Override
    public boolean marksUnstable() {
        return alias != null && alias.marksUnstable();
    }
}
