package dev.lambdadeploy.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Faults and scripted states written on a command line, so a pipeline can be rehearsed against failures without
 * writing Java. Each {@code parse} throws {@link IllegalArgumentException} with a message that says what was wrong
 * and what the form is.
 */
public final class ScenarioArgs {

    /** The operations the simulator answers, as AWS names them. */
    public static final Set<String> OPERATIONS = Set.of(
            "CreateFunction",
            "ListFunctions",
            "GetFunction",
            "GetFunctionConfiguration",
            "UpdateFunctionCode",
            "UpdateFunctionConfiguration",
            "PublishVersion",
            "ListVersionsByFunction",
            "CreateAlias",
            "GetAlias",
            "UpdateAlias",
            "ListAliases",
            "DeleteAlias",
            "DeleteFunction",
            "DescribeAlarms");

    public static final String FAULT_FORM =
            "OPERATION:KIND[*COUNT] with KIND one of status:CODE[:ErrorType], throttle, "
                    + "reset, delay:DURATION, concurrent-update; e.g. UpdateFunctionCode:throttle*5, PublishVersion:status:500*2, "
                    + "GetFunction:delay:3s, PublishVersion:concurrent-update";
    public static final String STATES_FORM = "FUNCTION=STATE[/LAST_UPDATE_STATUS[:REASON_CODE]],...; e.g. "
            + "my-fn=Pending,Active/InProgress,Active/Successful";
    public static final String FAILED_UPDATE_FORM =
            "FUNCTION[=REASON_CODE[:REASON]]; e.g. " + "my-fn=InvalidZipFileException:Could not unzip uploaded file";

    public static final String ALARM_FORM = "NAME=STATE[@OFFSET],... with STATE one of OK, ALARM, INSUFFICIENT_DATA "
            + "and OFFSET from the start (default 0); e.g. my-fn-errors=OK,ALARM@2m";

    private static final Pattern FAULT = Pattern.compile("([A-Za-z]+):([a-z-]+)((?::[^*:]+)*)(?:\\*(\\d+))?");
    private static final Set<String> STATES = Set.of("Pending", "Active", "Inactive", "Failed");
    private static final Set<String> UPDATE_STATUSES = Set.of("InProgress", "Successful", "Failed");

    private ScenarioArgs() {}

    /** A fault for the next COUNT calls of one operation. */
    public record FaultArg(String operation, Fault fault) {
        public FaultArg {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(fault, "fault");
        }

        public void applyTo(SimulatorControl control) {
            control.inject(operation, fault);
        }
    }

    /** Answers for the next GetFunction/GetFunctionConfiguration calls of a function's $LATEST. */
    public record StatesArg(String function, List<StateSnapshot> states) {
        public StatesArg {
            Objects.requireNonNull(function, "function");
            states = List.copyOf(states);
        }

        public void applyTo(SimulatorControl control) {
            control.scriptStates(function, states);
        }
    }

    /** The function's next update ends Failed with this reason. */
    public record FailedUpdateArg(String function, String reasonCode, String reason) {
        public FailedUpdateArg {
            Objects.requireNonNull(function, "function");
            Objects.requireNonNull(reasonCode, "reasonCode");
            Objects.requireNonNull(reason, "reason");
        }

        public void applyTo(SimulatorControl control) {
            control.failNextUpdate(function, reasonCode, reason);
        }
    }

    /** A CloudWatch alarm and its states over time, each from an offset after the simulator starts. */
    public record AlarmArg(String name, List<AlarmStep> steps) {
        public AlarmArg {
            Objects.requireNonNull(name, "name");
            steps = List.copyOf(steps);
        }

        public void applyTo(SimulatorControl control) {
            control.createAlarm(name);
            for (AlarmStep step : steps) {
                control.alarmStateAt(name, step.offset(), step.state(), "Scripted: " + step.state());
            }
        }
    }

    /** From {@code offset} on, the alarm is in {@code state}. */
    public record AlarmStep(java.time.Duration offset, String state) {
        public AlarmStep {
            Objects.requireNonNull(offset, "offset");
            Objects.requireNonNull(state, "state");
        }
    }

    public static AlarmArg alarm(String text) {
        int eq = text.indexOf('=');
        if (eq < 1 || eq == text.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not an alarm script: give " + ALARM_FORM);
        }
        List<AlarmStep> steps = new ArrayList<>();
        for (String item : text.substring(eq + 1).split(",")) {
            String[] stateAndOffset = item.trim().split("@", 2);
            String state = canonical(stateAndOffset[0], AlarmRegistry.STATES);
            if (state == null) {
                throw new IllegalArgumentException("'" + text + "': '" + stateAndOffset[0]
                        + "' is not an alarm state (OK, ALARM or INSUFFICIENT_DATA); give " + ALARM_FORM);
            }
            java.time.Duration offset = java.time.Duration.ZERO;
            if (stateAndOffset.length == 2) {
                try {
                    offset = DurationArg.parse(stateAndOffset[1].trim());
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(
                            "'" + text + "': '" + stateAndOffset[1] + "' is not a duration such as 500ms, 3s or 1m");
                }
            }
            steps.add(new AlarmStep(offset, state));
        }
        return new AlarmArg(text.substring(0, eq).trim(), steps);
    }

    public static FaultArg fault(String text) {
        Matcher m = FAULT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a fault: give " + FAULT_FORM);
        }
        String operation = m.group(1);
        if (!OPERATIONS.contains(operation)) {
            throw new IllegalArgumentException("'" + operation + "' is not an operation of the simulator: give one of "
                    + String.join(", ", OPERATIONS.stream().sorted().toList()));
        }
        List<String> args = new ArrayList<>();
        if (!m.group(3).isEmpty()) {
            args.addAll(List.of(m.group(3).substring(1).split(":")));
        }
        int times = m.group(4) == null ? 1 : count(text, m.group(4));
        String kind = m.group(2);
        Fault fault = switch (kind) {
            case "status" -> status(text, args, times);
            case "throttle" -> noArgs(text, kind, args, Fault.throttle(times));
            case "reset" -> noArgs(text, kind, args, Fault.connectionReset(times));
            case "concurrent-update" -> noArgs(text, kind, args, Fault.concurrentUpdate(times));
            case "delay" -> {
                if (args.size() != 1) {
                    throw new IllegalArgumentException(
                            "'" + text + "': delay takes one duration, e.g. GetFunction:delay:3s");
                }
                try {
                    yield Fault.delay(DurationArg.parse(args.get(0)), times);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(
                            "'" + text + "': '" + args.get(0) + "' is not a duration such as " + "500ms, 3s or 1m");
                }
            }
            default ->
                throw new IllegalArgumentException(
                        "'" + text + "': '" + kind + "' is not a kind of fault: give " + FAULT_FORM);
        };
        return new FaultArg(operation, fault);
    }

    private static Fault status(String text, List<String> args, int times) {
        if (args.isEmpty() || args.size() > 2 || !args.get(0).matches("\\d{3}")) {
            throw new IllegalArgumentException(
                    "'" + text + "': status takes an HTTP status and optionally the error type, "
                            + "e.g. PublishVersion:status:500 or PublishVersion:status:409:ResourceConflictException");
        }
        int code = Integer.parseInt(args.get(0));
        if (code < 400 || code > 599) {
            throw new IllegalArgumentException("'" + text + "': " + code + " is not an error status (400 to 599)");
        }
        String type = args.size() == 2 ? args.get(1) : defaultErrorType(code);
        if (type == null) {
            throw new IllegalArgumentException("'" + text + "': give the error type for HTTP " + code
                    + ", e.g. PublishVersion:status:" + code + ":InvalidParameterValueException");
        }
        return Fault.status(code, type, times);
    }

    /** Lambda's error type for a status, where Lambda has one obvious type for it. */
    static @Nullable String defaultErrorType(int status) {
        return switch (status) {
            case 400 -> "InvalidParameterValueException";
            case 403 -> "AccessDeniedException";
            case 404 -> "ResourceNotFoundException";
            case 409 -> "ResourceConflictException";
            case 412 -> "PreconditionFailedException";
            case 429 -> "TooManyRequestsException";
            default -> status >= 500 ? "ServiceException" : null;
        };
    }

    private static Fault noArgs(String text, String kind, List<String> args, Fault fault) {
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "': " + kind + " takes no value");
        }
        return fault;
    }

    private static int count(String text, String digits) {
        try {
            int n = Integer.parseInt(digits);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + text + "': the count after * must be 1 or more");
    }

    public static StatesArg states(String text) {
        int eq = text.indexOf('=');
        if (eq < 1 || eq == text.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not a script of states: give " + STATES_FORM);
        }
        String function = text.substring(0, eq).trim();
        List<StateSnapshot> snapshots = new ArrayList<>();
        for (String item : text.substring(eq + 1).split(",")) {
            snapshots.add(snapshot(text, item.trim()));
        }
        return new StatesArg(function, snapshots);
    }

    private static StateSnapshot snapshot(String text, String item) {
        String[] stateAndRest = item.split("/", 2);
        String state = canonical(stateAndRest[0], STATES);
        if (state == null) {
            throw new IllegalArgumentException("'" + text + "': '" + stateAndRest[0]
                    + "' is not a State (Pending, Active, " + "Inactive or Failed); give " + STATES_FORM);
        }
        if (stateAndRest.length == 1) {
            return StateSnapshot.of(state, null);
        }
        String[] statusAndReason = stateAndRest[1].split(":", 2);
        String status = canonical(statusAndReason[0], UPDATE_STATUSES);
        if (status == null) {
            throw new IllegalArgumentException("'" + text + "': '" + statusAndReason[0] + "' is not a LastUpdateStatus "
                    + "(InProgress, Successful or Failed); give " + STATES_FORM);
        }
        String reasonCode = statusAndReason.length == 2 ? statusAndReason[1] : null;
        return new StateSnapshot(state, status, reasonCode, reasonCode == null ? null : "Scripted: " + reasonCode);
    }

    private static @Nullable String canonical(String value, Set<String> allowed) {
        return allowed.stream()
                .filter(a -> a.toLowerCase(Locale.ROOT).equals(value.trim().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElse(null);
    }

    public static FailedUpdateArg failedUpdate(String text) {
        int eq = text.indexOf('=');
        String function = (eq < 0 ? text : text.substring(0, eq)).trim();
        if (function.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' names no function: give " + FAILED_UPDATE_FORM);
        }
        if (eq < 0) {
            return new FailedUpdateArg(
                    function, "InvalidZipFileException", "Could not unzip uploaded file (simulated)");
        }
        String[] codeAndReason = text.substring(eq + 1).split(":", 2);
        String code = codeAndReason[0].trim();
        if (code.isEmpty()) {
            throw new IllegalArgumentException(
                    "'" + text + "' has no reason code after '=': give " + FAILED_UPDATE_FORM);
        }
        return new FailedUpdateArg(
                function, code, codeAndReason.length == 2 ? codeAndReason[1].trim() : code + " (simulated)");
    }
}
