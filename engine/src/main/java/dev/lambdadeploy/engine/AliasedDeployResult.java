package dev.lambdadeploy.engine;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A deploy that also pointed or shifted an alias: the deploy's result and the alias's (null if it was left alone). */
public record AliasedDeployResult(
        LambdaResult deployed, @Nullable AliasResult alias) {

    public AliasedDeployResult {
        Objects.requireNonNull(deployed, "deployed");
    }

    /** Every field in one map: the deploy's, then the alias's. */
    public Map<String, Object> toMap() {
        return AliasResult.merged(deployed, alias);
    }
}
