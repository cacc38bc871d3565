package dev.lambdadeploy.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/** All functions of the simulated account and region, plus what the controls arranged for each name (even before a function of that name exists). */
final class FunctionRegistry {
    private final String region;
    private final String accountId;
    private final Duration defaultUpdateDuration;
    private final ConcurrentMap<String, FunctionModel> functions = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ArrangedBehaviour> arranged = new ConcurrentHashMap<>();

    FunctionRegistry(String region, String accountId, Duration defaultUpdateDuration) {
        this.region = region;
        this.accountId = accountId;
        this.defaultUpdateDuration = defaultUpdateDuration;
    }

    String region() {
        return region;
    }

    String accountId() {
        return accountId;
    }

    String arn(String name) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + name;
    }

    ArrangedBehaviour arranged(String name) {
        return arranged.computeIfAbsent(name, n -> new ArrangedBehaviour(defaultUpdateDuration));
    }

    /** Creation fails with the failure armed for that name, if any. */
    FunctionModel create(String name, Map<String, String> tags, FunctionSpec spec, Duration pendingFor, Instant now) {
        ArrangedBehaviour arranged = arranged(name);
        return functions.compute(name, (n, existing) -> {
            if (existing != null) {
                throw ApiException.conflict("Function already exist: " + name);
            }
            return new FunctionModel(
                    name, arn(name), tags, arranged, spec, now, pendingFor, arranged.takeArmedFailure());
        });
    }

    /** Removes the function with its versions and aliases; what the controls arranged for the name stays. */
    void delete(String name) {
        if (functions.remove(name) == null) {
            throw ApiException.notFound(arn(name));
        }
    }

    FunctionModel get(String name) {
        FunctionModel f = functions.get(name);
        if (f == null) {
            throw ApiException.notFound(arn(name));
        }
        return f;
    }

    /** Every function, by name. */
    List<FunctionModel> all() {
        return functions.values().stream()
                .sorted(java.util.Comparator.comparing(FunctionModel::name))
                .toList();
    }

    @Nullable
    FunctionModel find(String name) {
        return functions.get(name);
    }
}
