package dev.lambdadeploy.engine;

import dev.lambdadeploy.engine.aws.AwsCalls;
import dev.lambdadeploy.engine.aws.AwsErrorInfo;
import dev.lambdadeploy.engine.release.VersionCleanup;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ListAliasesResponse;
import software.amazon.awssdk.services.lambda.model.ListVersionsByFunctionResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Deletes the versions {@link VersionCleanup} lets go: every page of ListVersionsByFunction and ListAliases is read,
 * the plan made, then DeleteFunction with the version as Qualifier for each, one at a time (the client's quota
 * limiter paces them within Lambda's quota; a 429 is retried after Retry-After). A 409 on a delete (an alias moved
 * onto the version after the aliases were read) is reported and the version skipped, never forced; a version
 * already gone (404) counts as deleted.
 */
final class VersionCleaner {

    static final String DELETE = LambdaOperationNames.DELETE_FUNCTION;

    /** How long one delete may spend on throttling (and at most the request's maxRetries 429s). */
    static final Duration DELETE_BUDGET = Duration.ofSeconds(60);

    private static final DateTimeFormatter LAST_MODIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final Operations ops;

    VersionCleaner(Operations ops) {
        this.ops = ops;
    }

    CleanupResult cleanup(CleanupRequest request) throws InterruptedException {
        String name = request.functionName();
        List<VersionCleanup.Version> versions = versions(name);
        List<VersionCleanup.Alias> aliases = aliases(name);
        ops.log()
                .cleaningUpVersions(
                        name,
                        (int) versions.stream()
                                .filter(v -> !v.version().equals("$LATEST"))
                                .count(),
                        aliases.size());
        VersionCleanup.Plan plan =
                request.rules().plan(versions, aliases, ops.clock().instant());
        plan.kept().forEach(k -> ops.log().versionKept(k.version(), CleanupResult.reason(k.because())));
        List<String> deleted = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (VersionCleanup.Version v : plan.delete()) {
            if (request.dryRun()) {
                ops.log().versionWouldBeDeleted(v.version());
                deleted.add(v.version());
            } else if (delete(name, v.version(), request.maxRetries())) {
                ops.log().versionDeleted(v.version());
                deleted.add(v.version());
            } else {
                skipped.add(v.version());
            }
        }
        ops.log().cleanupDone(deleted.size(), plan.kept().size(), skipped.size(), request.dryRun());
        return new CleanupResult(name, deleted, plan.kept(), skipped, request.dryRun());
    }

    /** True when the version is gone; false when Lambda refused with 409 (logged). */
    private boolean delete(String name, String version, int maxRetries) throws InterruptedException {
        Deadline deadline = Deadline.after(ops.clock(), DELETE_BUDGET);
        InFlightCall call = new InFlightCall(DELETE, name, null);
        try {
            new GuardedChange(ops, call, deadline, maxRetries)
                    .send(
                            () -> ops.lambda()
                                    .deleteFunction(b -> b.functionName(name).qualifier(version)),
                            (conflict, e, conflictsBefore) -> {
                                throw new Refused(conflict);
                            },
                            (error, e) -> new AwsCallException(error, e));
            return true;
        } catch (Refused refused) {
            ops.log().versionDeleteRefused(version, refused.error);
            return false;
        } catch (AwsCallException e) {
            if (e.getCause() instanceof ResourceNotFoundException) {
                return true; // deleted meanwhile by someone else: gone as asked
            }
            throw e;
        }
    }

    /** A 409 on a delete, carried out of {@link GuardedChange} to be reported. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient AwsErrorInfo error;

        Refused(AwsErrorInfo error) {
            super(error.describe(), null, false, false);
            this.error = error;
        }
    }

    private List<VersionCleanup.Version> versions(String name) throws InterruptedException {
        List<VersionCleanup.Version> versions = new ArrayList<>();
        String marker = null;
        do {
            String from = marker;
            ListVersionsByFunctionResponse page = read(
                    "ListVersionsByFunction",
                    name,
                    () -> ops.lambda()
                            .listVersionsByFunction(b -> b.functionName(name).marker(from)));
            for (FunctionConfiguration c : page.versions()) {
                versions.add(new VersionCleanup.Version(c.version(), lastModified(c)));
            }
            marker = page.nextMarker();
        } while (marker != null && !marker.isEmpty());
        return versions;
    }

    private List<VersionCleanup.Alias> aliases(String name) throws InterruptedException {
        List<VersionCleanup.Alias> aliases = new ArrayList<>();
        String marker = null;
        do {
            String from = marker;
            ListAliasesResponse page = read(
                    "ListAliases",
                    name,
                    () -> ops.lambda().listAliases(b -> b.functionName(name).marker(from)));
            for (AliasConfiguration a : page.aliases()) {
                Set<String> weighted = new HashSet<>();
                if (a.routingConfig() != null) {
                    Map<String, Double> weights = a.routingConfig().additionalVersionWeights();
                    if (weights != null) {
                        weighted.addAll(weights.keySet());
                    }
                }
                aliases.add(new VersionCleanup.Alias(a.name(), a.functionVersion(), weighted));
            }
            marker = page.nextMarker();
        } while (marker != null && !marker.isEmpty());
        return aliases;
    }

    private static <T> T read(String operation, String name, AwsCalls.Call<T> call) throws InterruptedException {
        try {
            return AwsCalls.interruptibly(call);
        } catch (SdkException e) {
            throw new AwsCallException(AwsErrorInfo.from(operation, name, e), e);
        }
    }

    /** Lambda's LastModified ("2026-11-27T10:00:00.000+0000"); a version whose date cannot be read counts as new. */
    private Instant lastModified(FunctionConfiguration c) {
        try {
            return LAST_MODIFIED.parse(c.lastModified(), Instant::from);
        } catch (DateTimeParseException | NullPointerException e) {
            return ops.clock().instant();
        }
    }
}
