package dev.lambdadeploy.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * One function: $LATEST, its create or update in flight, versions and aliases. Transitions are computed
 * from the instant each call passes in ({@link #settle}), so there are no timers and a manual clock
 * drives everything. All methods lock the instance.
 */
final class FunctionModel {
    private final String name;
    private final String arn;
    private final Map<String, String> tags;
    private final ArrangedBehaviour arranged;

    private FunctionSpec latest;
    private Instant lastModified;
    private String revisionId;
    private SimulatedStatus status;
    private @Nullable Transition transition;
    private @Nullable Instant lastUpdateCompletedAt;
    private final List<PublishedVersion> versions = new ArrayList<>();
    /** The last version number handed out: numbers of deleted versions are not reused, as on AWS. */
    private int lastVersionNumber;

    private final Map<String, AliasModel> aliases = new TreeMap<>();
    private final List<AliasChange> aliasHistory = new ArrayList<>();

    FunctionModel(
            String name,
            String arn,
            Map<String, String> tags,
            ArrangedBehaviour arranged,
            FunctionSpec spec,
            Instant now,
            Duration pendingFor,
            @Nullable Failure failure) {
        this.name = name;
        this.arn = arn;
        this.tags = Map.copyOf(tags);
        this.arranged = arranged;
        this.latest = spec;
        this.lastModified = now;
        this.revisionId = Formats.newRevisionId();
        this.status = SimulatedStatus.creating();
        this.transition = Transition.creation(now.plus(pendingFor), failure);
    }

    String name() {
        return name;
    }

    String arn() {
        return arn;
    }

    Map<String, String> tags() {
        return tags;
    }

    synchronized ConfigSnapshot latest(Instant now) {
        settle(now);
        return latestSnapshot();
    }

    /** $LATEST, a version number or an alias name. */
    synchronized ConfigSnapshot resolve(@Nullable String qualifier, Instant now) {
        settle(now);
        if (qualifier == null || qualifier.equals("$LATEST")) {
            return latestSnapshot();
        }
        AliasModel alias = aliases.get(qualifier);
        String version = alias == null ? qualifier : alias.functionVersion();
        if (version.equals("$LATEST")) {
            return latestSnapshot();
        }
        PublishedVersion v = version(version);
        if (v == null) {
            throw ApiException.notFound(arn + ":" + qualifier);
        }
        return snapshot(v);
    }

    /** Publish=true on CreateFunction: version 1 becomes ready when the function does. */
    synchronized ConfigSnapshot publishWithCreation(Instant now) {
        return publishPending(now);
    }

    synchronized ConfigSnapshot updateCode(
            CodeArtifact code,
            @Nullable List<String> architectures,
            boolean publish,
            @Nullable String expectedRevision,
            Instant now) {
        settle(now);
        requireIdle();
        requireRevision(expectedRevision);
        requireSamePackageType(code);
        return startUpdate(
                latest.withCode(code, architectures),
                publish,
                arranged.takeArmedFailure(),
                arranged.updateDuration(),
                now);
    }

    /** What UpdateFunctionCode would answer, changing nothing. */
    synchronized ConfigSnapshot dryRunCode(
            CodeArtifact code, @Nullable List<String> architectures, @Nullable String expectedRevision, Instant now) {
        settle(now);
        requireRevision(expectedRevision);
        requireSamePackageType(code);
        return new ConfigSnapshot(
                name, arn, "$LATEST", latest.withCode(code, architectures), lastModified, revisionId, status);
    }

    synchronized ConfigSnapshot updateConfiguration(
            UnaryOperator<FunctionSpec> change, @Nullable String expectedRevision, Instant now) {
        settle(now);
        requireIdle();
        requireRevision(expectedRevision);
        return startUpdate(
                change.apply(latest), false, arranged.takeArmedFailure(), arranged.configurationUpdateDuration(), now);
    }

    /** Another actor's update: it does not wait for ours, and no armed failure applies to it. */
    synchronized void updateCodeByAnotherActor(CodeArtifact code, Instant now) {
        settle(now);
        if (transition != null) {
            complete(transition, now);
        }
        startUpdate(latest.withCode(code, null), false, null, arranged.updateDuration(), now);
    }

    synchronized void setState(String state, Instant now) {
        settle(now);
        status = status.withState(state);
        revisionId = Formats.newRevisionId();
    }

    record PublishResult(ConfigSnapshot version, boolean created) {}

    synchronized PublishResult publish(
            @Nullable String codeSha256, @Nullable String expectedRevision, String description, Instant now) {
        settle(now);
        requireIdle();
        requireRevision(expectedRevision);
        String current = latest.code().sha256();
        if (codeSha256 != null && !codeSha256.isEmpty() && !codeSha256.equals(current)) {
            throw ApiException.invalidParameter("CodeSHA256 ("
                    + codeSha256
                    + ") is different from current CodeSHA256 in $LATEST ("
                    + current
                    + "). Please try again with the current CodeSHA256.");
        }
        PublishedVersion last = versions.isEmpty() ? null : versions.get(versions.size() - 1);
        if (last != null && last.spec().equals(latest) && !last.status().state().equals("Failed")) {
            return new PublishResult(snapshot(last), false);
        }
        return new PublishResult(snapshot(addVersion(description, SimulatedStatus.active(), now)), true);
    }

    synchronized List<ConfigSnapshot> listVersions(Instant now) {
        settle(now);
        List<ConfigSnapshot> all = new ArrayList<>();
        all.add(latestSnapshot());
        versions.forEach(v -> all.add(snapshot(v)));
        return all;
    }

    String aliasArn(String alias) {
        return arn + ":" + alias;
    }

    synchronized AliasModel createAlias(
            String alias, String functionVersion, String description, Map<String, Double> weights, Instant now) {
        settle(now);
        if (aliases.containsKey(alias)) {
            throw ApiException.conflict("Alias already exists: " + aliasArn(alias));
        }
        requireAliasTarget(functionVersion, weights);
        AliasModel created =
                new AliasModel(alias, functionVersion, description, Map.copyOf(weights), Formats.newRevisionId());
        aliases.put(alias, created);
        aliasHistory.add(new AliasChange(now, alias, created.view()));
        return created;
    }

    synchronized AliasModel alias(String alias, Instant now) {
        settle(now);
        AliasModel found = aliases.get(alias);
        if (found == null) {
            throw ApiException.user(404, "ResourceNotFoundException", "Alias not found: " + aliasArn(alias));
        }
        return found;
    }

    synchronized AliasModel updateAlias(
            String alias,
            @Nullable String functionVersion,
            @Nullable String description,
            @Nullable Map<String, Double> weights,
            @Nullable String expectedRevision,
            Instant now) {
        AliasModel current = alias(alias, now);
        if (expectedRevision != null && !expectedRevision.equals(current.revisionId())) {
            throw ApiException.revisionMismatch();
        }
        String target = functionVersion == null ? current.functionVersion() : functionVersion;
        Map<String, Double> newWeights = weights == null ? current.weights() : Map.copyOf(weights);
        requireAliasTarget(target, newWeights);
        AliasModel updated = new AliasModel(
                alias,
                target,
                description == null ? current.description() : description,
                newWeights,
                Formats.newRevisionId());
        aliases.put(alias, updated);
        aliasHistory.add(new AliasChange(now, alias, updated.view()));
        return updated;
    }

    /** Every change of every alias of this function, oldest first. */
    synchronized List<AliasChange> aliasHistory() {
        return List.copyOf(aliasHistory);
    }

    /** Every alias, by name. */
    synchronized List<AliasModel> aliases(Instant now) {
        settle(now);
        return List.copyOf(aliases.values());
    }

    /** @throws ApiException 404 when there is no such alias */
    synchronized void deleteAlias(String alias, Instant now) {
        alias(alias, now);
        aliases.remove(alias);
        aliasHistory.add(new AliasChange(now, alias, null));
    }

    /** Deletes one published version; refused while an alias routes to it, as its version or with a weight. */
    synchronized void deleteVersion(String version, Instant now) {
        settle(now);
        PublishedVersion v = version(version);
        if (v == null) {
            if (aliases.containsKey(version)) {
                throw ApiException.invalidParameter("Deletion of aliases is not supported by DeleteFunction: "
                        + aliasArn(version) + ". Use DeleteAlias.");
            }
            throw ApiException.notFound(arn + ":" + version);
        }
        List<String> using = aliases.values().stream()
                .filter(a -> a.functionVersion().equals(version) || a.weights().containsKey(version))
                .map(AliasModel::name)
                .toList();
        if (!using.isEmpty()) {
            throw ApiException.conflict(
                    "Unable to delete version because the following aliases reference it: " + using);
        }
        if (transition != null && version.equals(transition.publishedVersion())) {
            throw ApiException.updateInProgress(arn + ":" + version);
        }
        versions.remove(v);
    }

    synchronized FunctionView view(Instant now) {
        settle(now);
        Map<String, String> aliasTargets = new LinkedHashMap<>();
        aliases.forEach((n, a) -> aliasTargets.put(n, a.functionVersion()));
        return new FunctionView(
                name,
                arn,
                status.state(),
                status.stateReasonCode(),
                status.stateReason(),
                status.lastUpdateStatus(),
                status.lastUpdateStatusReasonCode(),
                status.lastUpdateStatusReason(),
                latest.code().sha256(),
                revisionId,
                latest.description(),
                versions.stream()
                        .map(v -> new FunctionView.VersionView(
                                v.version(),
                                v.spec().code().sha256(),
                                v.shownSpec().description(),
                                v.status().state()))
                        .toList(),
                Map.copyOf(aliasTargets),
                lastUpdateCompletedAt);
    }

    private void settle(Instant now) {
        if (transition != null && !now.isBefore(transition.completesAt())) {
            complete(transition, transition.completesAt());
        }
    }

    private void complete(Transition t, Instant at) {
        transition = null;
        lastUpdateCompletedAt = at;
        Failure failure = t.failure();
        if (failure == null) {
            status = SimulatedStatus.active();
        } else if (t.revertTo() == null) { // a creation: nothing to go back to
            status = SimulatedStatus.createFailed(failure);
        } else {
            latest = t.revertTo();
            status = status.updateFailed(failure);
        }
        // AWS hands out a new RevisionId when an update settles, not only when it starts.
        revisionId = Formats.newRevisionId();
        if (t.publishedVersion() != null) {
            SimulatedStatus versionStatus =
                    failure == null ? SimulatedStatus.active() : SimulatedStatus.createFailed(failure);
            versions.replaceAll(v -> v.version().equals(t.publishedVersion()) ? v.withStatus(versionStatus) : v);
        }
    }

    private ConfigSnapshot startUpdate(
            FunctionSpec next, boolean publish, @Nullable Failure failure, Duration takes, Instant now) {
        FunctionSpec previous = latest;
        latest = next;
        lastModified = now;
        revisionId = Formats.newRevisionId();
        status = status.updating();
        lastUpdateCompletedAt = null;
        transition = Transition.update(now.plus(takes), previous, failure);
        return publish ? publishPending(now) : latestSnapshot();
    }

    private ConfigSnapshot publishPending(Instant now) {
        if (transition == null) {
            throw new IllegalStateException("nothing in flight");
        }
        PublishedVersion v = addVersion("", SimulatedStatus.creating(), now);
        transition = transition.withPublishedVersion(v.version());
        return snapshot(v);
    }

    private PublishedVersion addVersion(String description, SimulatedStatus versionStatus, Instant now) {
        PublishedVersion v = new PublishedVersion(
                Integer.toString(++lastVersionNumber),
                latest,
                description,
                now,
                Formats.newRevisionId(),
                versionStatus);
        versions.add(v);
        return v;
    }

    private @Nullable PublishedVersion version(String number) {
        for (PublishedVersion v : versions) {
            if (v.version().equals(number)) {
                return v;
            }
        }
        return null;
    }

    private void requireIdle() {
        if (transition != null) {
            throw ApiException.updateInProgress(arn);
        }
    }

    private void requireRevision(@Nullable String expected) {
        if (expected != null && !expected.equals(revisionId)) {
            throw ApiException.revisionMismatch();
        }
    }

    private void requireSamePackageType(CodeArtifact code) {
        String current = latest.code().packageType();
        if (current.equals("Zip") && code.packageType().equals("Image")) {
            throw ApiException.invalidParameter(
                    "Please don't provide ImageUri when updating a function with packageType Zip.");
        }
        if (current.equals("Image") && code.packageType().equals("Zip")) {
            throw ApiException.invalidParameter(
                    "Please provide ImageUri when updating a function with packageType Image.");
        }
    }

    private void requireAliasTarget(String functionVersion, Map<String, Double> weights) {
        requireAliasableVersion(functionVersion);
        if (!weights.isEmpty() && functionVersion.equals("$LATEST")) {
            throw ApiException.invalidParameter(
                    "$LATEST is not supported for an alias pointing to more than 1 version");
        }
        if (weights.size() > 1) {
            throw ApiException.invalidParameter("Number of items in AdditionalVersionWeights cannot be greater than 1");
        }
        double sum = 0;
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            if (w.getKey().equals("$LATEST")) {
                throw ApiException.invalidParameter(
                        "$LATEST is not supported for an alias pointing to more than 1 version");
            }
            if (w.getValue() < 0 || w.getValue() > 1) {
                throw ApiException.validation(
                        "routingConfig.additionalVersionWeights",
                        w.getValue(),
                        "Member must have value between 0.0 and 1.0");
            }
            if (w.getKey().equals(functionVersion)) {
                throw ApiException.invalidParameter("Invalid function version " + w.getKey() + ". Function version "
                        + w.getKey() + " is already included in routing configuration.");
            }
            requireAliasableVersion(w.getKey());
            sum += w.getValue();
        }
        if (sum > 1) {
            throw ApiException.invalidParameter("The sum of the additional version weights must not exceed 1.0.");
        }
    }

    private void requireAliasableVersion(String v) {
        if (v.equals("$LATEST")) {
            return;
        }
        PublishedVersion found = version(v);
        if (found == null) {
            throw ApiException.notFound(arn + ":" + v);
        }
        if (found.status().state().equals("Failed")) {
            throw ApiException.conflict("The operation cannot be performed at this time. Version " + v + " of " + arn
                    + " is in the following state: Failed");
        }
    }

    private ConfigSnapshot latestSnapshot() {
        return new ConfigSnapshot(name, arn, "$LATEST", latest, lastModified, revisionId, status);
    }

    private ConfigSnapshot snapshot(PublishedVersion v) {
        return new ConfigSnapshot(
                name,
                arn + ":" + v.version(),
                v.version(),
                v.shownSpec(),
                v.lastModified(),
                v.revisionId(),
                v.status());
    }
}
