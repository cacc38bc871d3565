package dev.lambdadeploy.cli;

import dev.lambdadeploy.engine.AliasRequest;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Which alias to point, and how: at once, or shifted gradually with alarms watched. */
final class AliasOptions {

    @Option(names = "--alias", paramLabel = "ALIAS", description = "The alias to point at the version, e.g. live.")
    @Nullable
    String alias;

    @Option(
            names = {"--create", "--create-if-missing"},
            description = "Create the alias if it does not exist.")
    boolean create;

    @Option(
            names = "--alias-revision-id",
            paramLabel = "ID",
            description = "Change the alias only if it is still at this RevisionId.")
    @Nullable
    String aliasRevisionId;

    @Option(
            names = "--shift",
            paramLabel = "PLAN",
            description = "Shift traffic gradually: a preset (Canary10Percent5Minutes, Linear10PercentEvery1Minute, "
                    + "AllAtOnce) or steps such as 10%:5m,50%:10m. Without it the alias moves at once.")
    @Nullable
    String shift;

    @Option(
            names = "--alarms",
            paramLabel = "NAME",
            split = ",",
            description = "CloudWatch alarms watched during the shift: one in ALARM puts all traffic back on the "
                    + "previous version.")
    @Nullable
    List<String> alarms;

    @Option(
            names = "--on-alarm",
            paramLabel = "fail|unstable",
            description = "A rollback by alarm exits 1 (fail, the default) or 0 with a warning (unstable).")
    @Nullable
    String onAlarm;

    @Option(
            names = "--alarm-poll-interval",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "How often the alarms are read during a shift (DescribeAlarms is rate-limited per "
                    + "account). Default: 30s.")
    @Nullable
    Duration alarmPollInterval;

    /** Whether any option but the alias itself was given. */
    boolean anyShiftOption() {
        return create
                || aliasRevisionId != null
                || shift != null
                || alarms != null
                || onAlarm != null
                || alarmPollInterval != null;
    }

    /** Validated by the engine; {@code version} may be null in a deploy, which fills in the version it publishes. */
    AliasRequest request(String functionName, @Nullable String version) {
        return AliasRequest.builder()
                .functionName(functionName)
                .alias(alias)
                .version(version)
                .createIfMissing(create)
                .aliasRevisionId(aliasRevisionId)
                .shift(shift)
                .alarms(alarms)
                .onAlarm(AliasRequest.OnAlarm.parse(onAlarm))
                .alarmPollInterval(alarmPollInterval)
                .build();
    }
}
