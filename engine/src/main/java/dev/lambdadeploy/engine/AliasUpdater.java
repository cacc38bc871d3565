package dev.lambdadeploy.engine;

import dev.lambdadeploy.engine.aws.AwsCalls;
import dev.lambdadeploy.engine.aws.AwsErrorInfo;
import dev.lambdadeploy.engine.release.AlarmsSeen;
import dev.lambdadeploy.engine.release.ShiftDecider;
import dev.lambdadeploy.engine.release.ShiftDecision;
import dev.lambdadeploy.engine.release.ShiftState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.lambda.model.CreateAliasResponse;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.UpdateAliasResponse;

/**
 * Points an alias at a version, at once (UpdateAlias pinned to the alias's RevisionId) or gradually: the
 * {@link ShiftDecider} decides each move from DescribeAlarms of the watched alarms; a rollback puts all traffic back
 * on the previous version. The step-wise methods are what the blocking driver uses, and what a restart-surviving
 * front end drives from a timer, persisting the {@link ShiftState} between calls.
 *
 * <p>Throttling and 5xx of every call are retried after what the service asked for, or with backoff, for at most
 * {@link #CALL_RETRY_BUDGET}; a shift's alarms that cannot be read are the decider's business (it holds, and rolls
 * back when blind too long).
 */
final class AliasUpdater {

    /** How long one call's throttling and 5xx are retried before the call fails. */
    static final Duration CALL_RETRY_BUDGET = Duration.ofMinutes(2);

    static final String GET_ALIAS = "GetAlias";
    static final String CREATE_ALIAS = LambdaOperationNames.CREATE_ALIAS;
    static final String UPDATE_ALIAS = LambdaOperationNames.UPDATE_ALIAS;
    static final String DESCRIBE_ALARMS = "DescribeAlarms";

    private final Operations ops;
    private final @Nullable CloudWatchClient cloudWatch;

    AliasUpdater(Operations ops, @Nullable CloudWatchClient cloudWatch) {
        this.ops = ops;
        this.cloudWatch = cloudWatch;
    }

    // ---- the blocking operation ----

    AliasResult update(AliasRequest request) throws InterruptedException {
        String version = requireVersion(request);
        if (!request.shifting()) {
            return pointAtOnce(request, version);
        }
        ShiftState state = startShift(request);
        if (state.previousVersion().equals(state.newVersion())) {
            return finished(request, state, false, null, null);
        }
        try {
            while (true) {
                ShiftDecision decision =
                        nextShiftDecision(request, state, ops.clock().instant());
                if (decision instanceof ShiftDecision.Hold hold) {
                    ops.sleeper().sleep(hold.delay());
                    state = hold.next();
                    continue;
                }
                state = applyShiftDecision(request, state, decision);
                if (decision instanceof ShiftDecision.Complete || decision instanceof ShiftDecision.RollBack) {
                    return shiftResult(request, state, decision);
                }
            }
        } catch (InterruptedException e) {
            abortShift(request, state);
            throw e;
        } catch (RuntimeException e) {
            shiftFailed(request, state, e);
            throw e;
        }
    }

    /**
     * A shift that {@code failure} ended: puts all traffic back on the previous version, unless it was rolled back
     * already or someone else moved the alias (a restore would undo their change). The caller rethrows.
     */
    /**
     * A rollback or someone else's move ends a shift without a restore; a failure sent back from where the calls run
     * ({@link dev.lambdadeploy.engine.aws.CallSiteException}) says by name what it was.
     */
    private static boolean endedTheShift(RuntimeException failure) {
        if (failure instanceof dev.lambdadeploy.engine.aws.CallSiteException remote) {
            return remote.failure().equals(AliasRolledBackException.class.getSimpleName())
                    || remote.failure().equals(AliasChangedException.class.getSimpleName());
        }
        return failure instanceof AliasRolledBackException || failure instanceof AliasChangedException;
    }

    void shiftFailed(AliasRequest request, ShiftState state, RuntimeException failure) {
        if (endedTheShift(failure)) {
            return;
        }
        ops.log()
                .alias(
                        "The shift of alias " + request.alias() + " failed (" + failure.getMessage() + "): putting "
                                + "all traffic back on version " + state.previousVersion(),
                        true);
        restoreQuietly(request, state);
    }

    /**
     * An aborted shift: says so and puts all traffic back on the previous version, even with this thread interrupted
     * (by the abort itself); a restore that fails says how to check the alias.
     */
    void abortShift(AliasRequest request, ShiftState state) {
        ops.log()
                .alias(
                        "Aborted during the shift of alias " + request.alias() + ": putting all traffic back on "
                                + "version " + state.previousVersion(),
                        true);
        restoreQuietly(request, state);
    }

    /** Restores after an abort or failure, itself not interruptible by the abort that caused it. */
    private void restoreQuietly(AliasRequest request, ShiftState state) {
        boolean interrupted = Thread.interrupted();
        try {
            restorePrevious(request, state);
        } catch (InterruptedException e) {
            interrupted = true;
            ops.log()
                    .aliasNotRestored(
                            request.functionName(), request.alias(), state.previousVersion(), "interrupted again");
        } catch (RuntimeException e) {
            ops.log()
                    .aliasNotRestored(request.functionName(), request.alias(), state.previousVersion(), e.getMessage());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private AliasResult pointAtOnce(AliasRequest request, String version) throws InterruptedException {
        String fn = request.functionName();
        GetAliasResponse current = getAlias(request);
        if (current == null) {
            return create(request, version);
        }
        String previous = current.functionVersion();
        String revision = request.aliasRevisionId() != null ? request.aliasRevisionId() : current.revisionId();
        ops.log().alias("Pointing alias " + request.alias() + " of " + fn + " at version " + version, false);
        UpdateAliasResponse response = updateAlias(request, version, Map.of(), revision);
        ops.log()
                .aliasDetail("Alias " + request.alias() + " routes all traffic to version " + version + " (was "
                        + describe(current.functionVersion(), weights(current)) + ")");
        return new AliasResult(
                fn,
                request.alias(),
                response.functionVersion(),
                previous,
                response.revisionId(),
                false,
                false,
                null,
                null);
    }

    private AliasResult create(AliasRequest request, String version) throws InterruptedException {
        String fn = request.functionName();
        if (!request.createIfMissing()) {
            throw new InvalidParameterException(
                    Parameter.CREATE_IF_MISSING,
                    "alias " + request.alias() + " of " + fn + " does not exist; set "
                            + Parameter.CREATE_IF_MISSING.ref() + " to create it");
        }
        ops.log().alias("Creating alias " + request.alias() + " of " + fn + " at version " + version, false);
        CreateAliasResponse created = retried(
                CREATE_ALIAS,
                fn,
                () -> ops.change(
                        new InFlightCall(CREATE_ALIAS, fn, null),
                        () -> ops.lambda()
                                .createAlias(b ->
                                        b.functionName(fn).name(request.alias()).functionVersion(version))));
        return new AliasResult(
                fn, request.alias(), created.functionVersion(), null, created.revisionId(), true, false, null, null);
    }

    // ---- the step-wise shift ----

    /**
     * Reads (or, with createIfMissing, creates) the alias and checks the alarms exist; the shift starts now. An alias
     * created here already routes everything to the new version: its state has previous = new, and there is nothing
     * to shift.
     */
    ShiftState startShift(AliasRequest request) throws InterruptedException {
        String version = requireVersion(request);
        if (!request.shifting()) {
            throw new InvalidParameterException(Parameter.SHIFT, "is required for a gradual shift");
        }
        checkAlarmsExist(request);
        GetAliasResponse current = getAlias(request);
        if (current == null) {
            AliasResult created = create(request, version);
            return ShiftState.start(
                    request.alias(),
                    version,
                    created.aliasVersion(),
                    ops.clock().instant());
        }
        if (request.aliasRevisionId() != null && !request.aliasRevisionId().equals(current.revisionId())) {
            throw new AliasChangedException(
                    "Alias " + request.alias() + " of " + request.functionName() + " is at RevisionId "
                            + current.revisionId() + ", not " + request.aliasRevisionId()
                            + " (" + Parameter.ALIAS_REVISION_ID.ref() + "): someone else changed it; nothing was "
                            + "shifted.",
                    null);
        }
        Map<String, Double> weights = weights(current);
        String previous = current.functionVersion();
        if (!weights.isEmpty() && !weights.containsKey(version)) {
            throw new AliasChangedException(
                    "Alias " + request.alias() + " of " + request.functionName() + " is in the middle of another "
                            + "shift (" + describe(previous, weights) + "); finish or undo it first.",
                    null);
        }
        ops.log()
                .alias(
                        "Shifting alias " + request.alias() + " of " + request.functionName() + " from version "
                                + previous + " to version " + version + " ("
                                + request.shift().name() + ", alarms: "
                                + (request.alarms().isEmpty() ? "none" : String.join(", ", request.alarms())) + ")",
                        false);
        return ShiftState.start(request.alias(), version, previous, ops.clock().instant());
    }

    /** Reads the alarms and decides the next move; changes nothing. */
    ShiftDecision nextShiftDecision(AliasRequest request, ShiftState state, Instant now) throws InterruptedException {
        ShiftDecider decider = new ShiftDecider(Objects.requireNonNull(request.shift()), request.alarmPollInterval());
        return decider.decide(state, readAlarms(request), now);
    }

    /**
     * Carries out {@code decision}: Route sets the new version's weight, Complete sends it all traffic, RollBack
     * puts all traffic back on the previous version, Hold changes nothing. Returns the state to persist; after
     * Complete or RollBack, the shift is over ({@link #shiftResult}).
     */
    ShiftState applyShiftDecision(AliasRequest request, ShiftState state, ShiftDecision decision)
            throws InterruptedException {
        String fn = request.functionName();
        if (decision instanceof ShiftDecision.Hold hold) {
            return hold.next();
        }
        if (state.previousVersion().equals(state.newVersion())) {
            return decision instanceof ShiftDecision.Route route ? route.next() : state;
        }
        if (decision instanceof ShiftDecision.Route route) {
            GetAliasResponse current = expectShifting(request, state);
            updateAlias(
                    request, state.previousVersion(), Map.of(state.newVersion(), route.weight()), current.revisionId());
            ops.log()
                    .alias(
                            "Alias " + request.alias() + ": " + percent(route.weight()) + " of traffic to version "
                                    + state.newVersion() + ", the rest to version " + state.previousVersion()
                                    + " (next step at "
                                    + route.next().nextStepAt() + ")",
                            false);
            return route.next();
        }
        if (decision instanceof ShiftDecision.Complete) {
            GetAliasResponse current = getAlias(request);
            // a move repeated after a restart, its first sending having landed: nothing left to do
            boolean landed = current != null
                    && current.functionVersion().equals(state.newVersion())
                    && weights(current).isEmpty();
            if (!landed) {
                GetAliasResponse between = expectShifting(request, state, current);
                updateAlias(request, state.newVersion(), Map.of(), between.revisionId());
            }
            ops.log()
                    .alias(
                            "Alias " + request.alias() + " of " + fn + ": all traffic to version " + state.newVersion()
                                    + "; the shift is complete",
                            false);
            return state;
        }
        ShiftDecision.RollBack rollBack = (ShiftDecision.RollBack) decision;
        ops.log()
                .alias(
                        "Rolling back alias " + request.alias() + " of " + fn + ": " + rollBack.reason() + " since "
                                + rollBack.since() + "; all traffic back to version " + state.previousVersion(),
                        true);
        restorePrevious(request, state);
        return state;
    }

    /**
     * The result of a shift that {@code decision} (Complete or RollBack) ended: throws
     * {@link AliasRolledBackException} for a rollback under onAlarm FAIL.
     */
    AliasResult shiftResult(AliasRequest request, ShiftState state, ShiftDecision decision)
            throws InterruptedException {
        if (decision instanceof ShiftDecision.RollBack rollBack) {
            String message = "Alias " + request.alias() + " of " + request.functionName() + " was rolled back to "
                    + "version " + state.previousVersion() + " because "
                    + (rollBack.alarm() != null
                            ? "alarm " + rollBack.alarm() + " fired at " + rollBack.since()
                            : rollBack.reason());
            AliasResult result = finished(request, state, true, rollBack.alarm(), message);
            if (request.onAlarm() == AliasRequest.OnAlarm.FAIL) {
                throw new AliasRolledBackException(message, result, rollBack.alarm(), rollBack.since());
            }
            return result;
        }
        if (!(decision instanceof ShiftDecision.Complete)) {
            throw new IllegalArgumentException("not the end of a shift: " + decision);
        }
        return finished(request, state, false, null, null);
    }

    /** Puts all of the alias's traffic on the shift's previous version (UpdateAlias without weights). */
    void restorePrevious(AliasRequest request, ShiftState state) throws InterruptedException {
        updateAlias(request, state.previousVersion(), Map.of(), null);
        ops.log().aliasDetail("Alias " + request.alias() + " routes all traffic to version " + state.previousVersion());
    }

    private AliasResult finished(
            AliasRequest request,
            ShiftState state,
            boolean rolledBack,
            @Nullable String alarm,
            @Nullable String warning)
            throws InterruptedException {
        GetAliasResponse now = getAlias(request);
        String version = rolledBack ? state.previousVersion() : state.newVersion();
        return new AliasResult(
                request.functionName(),
                request.alias(),
                now != null ? now.functionVersion() : version,
                state.previousVersion().equals(state.newVersion()) ? null : state.previousVersion(),
                now != null ? now.revisionId() : null,
                false,
                rolledBack,
                alarm,
                warning);
    }

    /** The alias must still be part of this shift: at the previous version, weights only to the new one. */
    private GetAliasResponse expectShifting(AliasRequest request, ShiftState state) throws InterruptedException {
        return expectShifting(request, state, getAlias(request));
    }

    private GetAliasResponse expectShifting(
            AliasRequest request, ShiftState state, @Nullable GetAliasResponse current) {
        if (current == null) {
            throw new AliasChangedException(
                    "Alias " + request.alias() + " of " + request.functionName() + " was deleted during the shift.",
                    null);
        }
        Map<String, Double> weights = weights(current);
        boolean between = current.functionVersion().equals(state.previousVersion())
                && weights.keySet().stream().allMatch(state.newVersion()::equals)
                // after the first move the new version has a share: an alias put back by someone (or by an abort)
                // is not moved again
                && (!state.started() || weights.containsKey(state.newVersion()));
        if (!between) {
            throw new AliasChangedException(
                    "Alias " + request.alias() + " of " + request.functionName() + " routes "
                            + describe(current.functionVersion(), weights) + ", not between versions "
                            + state.previousVersion() + " and " + state.newVersion()
                            + ": someone else changed it during the shift.",
                    null);
        }
        return current;
    }

    // ---- calls ----

    private @Nullable GetAliasResponse getAlias(AliasRequest request) throws InterruptedException {
        String fn = request.functionName();
        try {
            return retried(
                    GET_ALIAS,
                    fn,
                    () -> AwsCalls.interruptibly(
                            () -> ops.lambda().getAlias(b -> b.functionName(fn).name(request.alias()))));
        } catch (AwsCallException e) {
            if (e.getCause() instanceof ResourceNotFoundException) {
                return null;
            }
            throw e;
        }
    }

    private UpdateAliasResponse updateAlias(
            AliasRequest request, String version, Map<String, Double> weights, @Nullable String revisionId)
            throws InterruptedException {
        String fn = request.functionName();
        try {
            return retried(
                    UPDATE_ALIAS,
                    fn,
                    () -> ops.change(
                            new InFlightCall(UPDATE_ALIAS, fn, null),
                            () -> ops.lambda()
                                    .updateAlias(b -> b.functionName(fn)
                                            .name(request.alias())
                                            .functionVersion(version)
                                            .routingConfig(r -> r.additionalVersionWeights(weights))
                                            .revisionId(revisionId))));
        } catch (AwsCallException e) {
            if (e.getCause() instanceof PreconditionFailedException) {
                throw new AliasChangedException(
                        e.error().describe() + ". Alias " + request.alias() + " of " + fn
                                + " is no longer at RevisionId " + revisionId
                                + ": someone else changed it; it was not changed.",
                        e);
            }
            throw e;
        }
    }

    private void checkAlarmsExist(AliasRequest request) throws InterruptedException {
        if (request.alarms().isEmpty()) {
            return;
        }
        DescribeAlarmsResponse response = retried(DESCRIBE_ALARMS, request.functionName(), () -> describe(request));
        Set<String> found = new HashSet<>();
        response.metricAlarms().forEach(a -> found.add(a.alarmName()));
        response.compositeAlarms().forEach(a -> found.add(a.alarmName()));
        List<String> missing =
                request.alarms().stream().filter(a -> !found.contains(a)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidParameterException(
                    Parameter.ALARMS,
                    "CloudWatch has no alarm named " + String.join(", ", missing)
                            + " in this account and region; nothing was shifted");
        }
    }

    /** One DescribeAlarms; an error is unreadable alarms, not a failure (the decider holds, then rolls back). */
    private AlarmsSeen readAlarms(AliasRequest request) throws InterruptedException {
        if (request.alarms().isEmpty()) {
            return AlarmsSeen.none();
        }
        DescribeAlarmsResponse response;
        try {
            response = describe(request);
        } catch (SdkException e) {
            AwsErrorInfo error = AwsErrorInfo.from(DESCRIBE_ALARMS, request.functionName(), e);
            ops.log().alias("Could not read the alarms: " + error.describe(), true);
            return new AlarmsSeen.Unreadable(error.describe());
        }
        List<AlarmsSeen.Firing> firing = new ArrayList<>();
        for (MetricAlarm alarm : response.metricAlarms()) {
            if (alarm.stateValue() == StateValue.ALARM) {
                firing.add(new AlarmsSeen.Firing(alarm.alarmName(), since(alarm.stateUpdatedTimestamp())));
            }
        }
        for (CompositeAlarm alarm : response.compositeAlarms()) {
            if (alarm.stateValue() == StateValue.ALARM) {
                firing.add(new AlarmsSeen.Firing(alarm.alarmName(), since(alarm.stateUpdatedTimestamp())));
            }
        }
        return new AlarmsSeen.Read(firing);
    }

    private Instant since(@Nullable Instant at) {
        return at != null ? at : ops.clock().instant();
    }

    private DescribeAlarmsResponse describe(AliasRequest request) throws InterruptedException {
        if (cloudWatch == null) {
            throw new IllegalStateException("alarms were named but the deployer has no CloudWatch client");
        }
        return AwsCalls.interruptibly(() ->
                cloudWatch.describeAlarms(b -> b.alarmNames(request.alarms()).maxRecords(100)));
    }

    @FunctionalInterface
    private interface Attempt<T> {
        T run() throws InterruptedException;
    }

    /** Retries throttling and 5xx within {@link #CALL_RETRY_BUDGET}; other errors become {@link AwsCallException}. */
    private <T> T retried(String operation, String functionName, Attempt<T> attempt) throws InterruptedException {
        Deadline deadline = Deadline.after(ops.clock(), CALL_RETRY_BUDGET);
        for (int retry = 0; ; retry++) {
            try {
                return attempt.run();
            } catch (SdkException e) {
                AwsErrorInfo error = AwsErrorInfo.from(operation, functionName, e);
                if (!(error.isThrottling() || error.isTransient())) {
                    throw new AwsCallException(error, e);
                }
                Duration delay = CodeUpdater.throttleDelay(ops, retry, e);
                if (!deadline.allows(ops.clock(), delay)) {
                    ops.log().outOfTime(error, delay, deadline.remaining(ops.clock()));
                    throw new AwsCallException(error, e);
                }
                ops.log().callThrottled(error, delay);
                ops.sleeper().sleep(delay);
            }
        }
    }

    // ---- wording ----

    private static String requireVersion(AliasRequest request) {
        if (request.version() == null) {
            throw new InvalidParameterException(Parameter.VERSION, "is required");
        }
        return request.version();
    }

    private static Map<String, Double> weights(GetAliasResponse alias) {
        return alias.routingConfig() == null || alias.routingConfig().additionalVersionWeights() == null
                ? Map.of()
                : alias.routingConfig().additionalVersionWeights();
    }

    private static String describe(String version, Map<String, Double> weights) {
        if (weights.isEmpty()) {
            return "all traffic to version " + version;
        }
        StringBuilder text = new StringBuilder();
        double rest = 1;
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            text.append(percent(w.getValue()))
                    .append(" to version ")
                    .append(w.getKey())
                    .append(", ");
            rest -= w.getValue();
        }
        return text.append(percent(rest)).append(" to version ").append(version).toString();
    }

    private static String percent(double weight) {
        double p = Math.round(weight * 10000) / 100.0;
        return (p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p)) + "%";
    }
}
