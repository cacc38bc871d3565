package dev.lambdadeploy.engine;

import dev.lambdadeploy.engine.release.ShiftPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Point an alias at a version, at once or gradually with alarms watched.
 *
 * @param functionName the function, unqualified
 * @param alias the alias (Lambda's pattern; not a number, not $LATEST)
 * @param version the version to route to, a number ($LATEST only when pointing at once); null only inside a deploy,
 *     which fills in the version it publishes
 * @param createIfMissing create the alias (pointing at {@code version}) when it does not exist
 * @param aliasRevisionId update only if the alias is at this RevisionId
 * @param shift the gradual shift's plan; null points the alias at once
 * @param alarms CloudWatch alarms watched during a shift: one in ALARM rolls it back
 * @param alarmPollInterval how often the alarms are read while a weight holds
 * @param onAlarm what a rollback by alarm makes of the operation
 */
public record AliasRequest(
        String functionName,
        String alias,
        @Nullable String version,
        boolean createIfMissing,
        @Nullable String aliasRevisionId,
        @Nullable ShiftPlan shift,
        List<String> alarms,
        Duration alarmPollInterval,
        OnAlarm onAlarm)
        implements java.io.Serializable {

    /** DescribeAlarms is rate-limited per account: every 30 s is plenty for alarms with one-minute periods. */
    public static final Duration DEFAULT_ALARM_POLL_INTERVAL = Duration.ofSeconds(30);

    private static final Pattern ALIAS = Pattern.compile("[a-zA-Z0-9_-]{1,128}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,10}");
    private static final int MAX_ALARMS = 100;

    /** What a shift rolled back by an alarm makes of the operation. */
    public enum OnAlarm {
        /** The operation fails ({@link AliasRolledBackException}). */
        FAIL,
        /** The operation ends with a warning (the build goes UNSTABLE). */
        UNSTABLE;

        public static OnAlarm parse(@Nullable String value) {
            if (value == null || value.isBlank()) {
                return FAIL;
            }
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException(Parameter.ON_ALARM, "'" + value + "' is neither fail nor unstable");
            }
        }
    }

    public AliasRequest {
        alarms = List.copyOf(alarms);
    }

    /** Whether the alias moves gradually (a plan with steps). */
    public boolean shifting() {
        return shift != null && !shift.steps().isEmpty();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Plain values only (strings, booleans, numbers, a list of strings), for a front end that persists the request
     * across a restart as it is: the Jenkins plugin keeps it in {@code program.dat}. {@link #fromMap} is the inverse.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("functionName", functionName);
        map.put("alias", alias);
        map.put("version", version);
        map.put("createIfMissing", createIfMissing);
        map.put("aliasRevisionId", aliasRevisionId);
        map.put("shift", shift == null ? null : shift.name());
        map.put("alarms", new ArrayList<>(alarms));
        map.put("alarmPollIntervalMillis", alarmPollInterval.toMillis());
        map.put("onAlarm", onAlarm.name());
        return map;
    }

    /**
     * The request {@link #toMap()} gave, validated again.
     *
     * @throws IllegalArgumentException when {@code map} is not such a map
     */
    @SuppressWarnings("unchecked")
    public static AliasRequest fromMap(Map<String, ?> map) {
        try {
            return builder()
                    .functionName((String) map.get("functionName"))
                    .alias((String) map.get("alias"))
                    .version((String) map.get("version"))
                    .createIfMissing((Boolean) Objects.requireNonNull(map.get("createIfMissing"), "createIfMissing"))
                    .aliasRevisionId((String) map.get("aliasRevisionId"))
                    .shift((String) map.get("shift"))
                    .alarms((List<String>) map.get("alarms"))
                    .alarmPollInterval(Duration.ofMillis(((Number) Objects.requireNonNull(
                                    map.get("alarmPollIntervalMillis"), "alarmPollIntervalMillis"))
                            .longValue()))
                    .onAlarm(OnAlarm.valueOf((String) Objects.requireNonNull(map.get("onAlarm"), "onAlarm")))
                    .build();
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("not a map of AliasRequest.toMap(): " + e.getMessage(), e);
        }
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.functionName = functionName;
        b.alias = alias;
        b.version = version;
        b.createIfMissing = createIfMissing;
        b.aliasRevisionId = aliasRevisionId;
        b.shift = shift;
        b.alarms = alarms;
        b.alarmPollInterval = alarmPollInterval;
        b.onAlarm = onAlarm;
        return b;
    }

    public static final class Builder {
        private @Nullable String functionName;
        private @Nullable String alias;
        private @Nullable String version;
        private boolean createIfMissing;
        private @Nullable String aliasRevisionId;
        private @Nullable ShiftPlan shift;
        private List<String> alarms = List.of();
        private Duration alarmPollInterval = DEFAULT_ALARM_POLL_INTERVAL;
        private OnAlarm onAlarm = OnAlarm.FAIL;

        private Builder() {}

        public Builder functionName(@Nullable String functionName) {
            this.functionName = functionName;
            return this;
        }

        public Builder alias(@Nullable String alias) {
            this.alias = alias;
            return this;
        }

        public Builder version(@Nullable String version) {
            this.version = version;
            return this;
        }

        public Builder createIfMissing(boolean createIfMissing) {
            this.createIfMissing = createIfMissing;
            return this;
        }

        public Builder aliasRevisionId(@Nullable String aliasRevisionId) {
            this.aliasRevisionId = aliasRevisionId;
            return this;
        }

        public Builder shift(@Nullable ShiftPlan shift) {
            this.shift = shift;
            return this;
        }

        /** A preset (Canary10Percent5Minutes, Linear10PercentEvery1Minute, AllAtOnce) or steps (10%:5m,50%:10m). */
        public Builder shift(@Nullable String shift) {
            this.shift = shift == null || shift.isBlank() ? null : ShiftPlan.parse(shift, Parameter.SHIFT.ref());
            return this;
        }

        public Builder alarms(@Nullable List<String> alarms) {
            this.alarms = alarms == null ? List.of() : alarms;
            return this;
        }

        public Builder alarmPollInterval(@Nullable Duration alarmPollInterval) {
            this.alarmPollInterval = alarmPollInterval == null ? DEFAULT_ALARM_POLL_INTERVAL : alarmPollInterval;
            return this;
        }

        public Builder onAlarm(@Nullable OnAlarm onAlarm) {
            this.onAlarm = onAlarm == null ? OnAlarm.FAIL : onAlarm;
            return this;
        }

        /** Validates everything; throws {@link InvalidParameterException} before any AWS call. */
        public AliasRequest build() {
            String fn = Validation.unqualifiedFunctionName(functionName);
            String a = alias == null ? "" : alias.trim();
            if (a.isEmpty()) {
                throw new InvalidParameterException(Parameter.ALIAS, "is required");
            }
            if (!ALIAS.matcher(a).matches() || NUMBER.matcher(a).matches()) {
                throw new InvalidParameterException(
                        Parameter.ALIAS,
                        "'" + a + "' is not an alias name (1 to 128 letters, digits, hyphens or underscores, "
                                + "not only digits, not $LATEST)");
            }
            String v = version == null || version.isBlank() ? null : version.trim();
            if (v != null && !v.equals("$LATEST") && !NUMBER.matcher(v).matches()) {
                throw new InvalidParameterException(
                        Parameter.VERSION, "'" + v + "' is not a published version number, e.g. 7");
            }
            boolean shifting = shift != null && !shift.steps().isEmpty();
            if ("$LATEST".equals(v) && shifting) {
                throw new InvalidParameterException(
                        Parameter.VERSION,
                        "is $LATEST, which an alias cannot send a weighted share of traffic to; publish a "
                                + "version and shift to it, or point the alias without " + Parameter.SHIFT.ref());
            }
            List<String> names = new ArrayList<>();
            for (String alarm : alarms) {
                String n = alarm == null ? "" : alarm.trim();
                if (n.isEmpty() || n.length() > 255 || n.chars().anyMatch(Character::isISOControl)) {
                    throw new InvalidParameterException(
                            Parameter.ALARMS, "'" + n + "' is not a CloudWatch alarm name (1 to 255 characters)");
                }
                if (!names.contains(n)) {
                    names.add(n);
                }
            }
            if (names.size() > MAX_ALARMS) {
                throw new InvalidParameterException(Parameter.ALARMS, "at most " + MAX_ALARMS + " alarms");
            }
            if (!names.isEmpty() && !shifting) {
                throw new InvalidParameterException(
                        Parameter.ALARMS,
                        "are only watched during a gradual shift; give " + Parameter.SHIFT.ref()
                                + " too (e.g. Canary10Percent5Minutes)");
            }
            if (alarmPollInterval.isNegative() || alarmPollInterval.isZero()) {
                throw new InvalidParameterException(
                        Parameter.ALARM_POLL_INTERVAL, "must be positive, was " + alarmPollInterval);
            }
            String rev = aliasRevisionId == null || aliasRevisionId.isBlank() ? null : aliasRevisionId.trim();
            if (rev != null && !rev.matches("[0-9a-fA-F-]{36}")) {
                throw new InvalidParameterException(
                        Parameter.ALIAS_REVISION_ID, "'" + rev + "' is not a Lambda revision id (a UUID)");
            }
            return new AliasRequest(fn, a, v, createIfMissing, rev, shift, names, alarmPollInterval, onAlarm);
        }
    }
}
