package dev.lambdadeploy.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Back-door controls for tests, benchmarks and demos. None of these is counted by quotas or journaled. */
public interface SimulatorControl {

    /** Creates a function (Pending for {@code pendingFor}, then Active) without HTTP, with fixed zip bytes. */
    void createFunction(String name, Duration pendingFor);

    /** Duration of every next update of that function. */
    void updateDuration(String function, Duration d);

    /**
     * Duration of every next UpdateFunctionConfiguration of that function (InProgress, then Successful or, when a
     * failure is armed with {@link #failNextUpdate}, Failed); until set, configuration updates take {@link
     * #updateDuration}'s duration.
     */
    void configurationUpdateDuration(String function, Duration d);

    /**
     * The next UpdateFunctionCode or UpdateFunctionConfiguration of that function ends, after its
     * duration, in LastUpdateStatus Failed with this reason code and reason; the previous code and
     * configuration stay live. Armed before the function exists, it fails the creation instead (State
     * Failed). {@link #updateCodeByAnotherActor} does not consume it.
     */
    void failNextUpdate(String function, String reasonCode, String reason);

    /**
     * Each next GetFunction/GetFunctionConfiguration of that function's $LATEST answers the next snapshot;
     * once the list runs out, answers show the modelled state again.
     */
    void scriptStates(String function, List<StateSnapshot> snapshots);

    /** Forces the modelled State, e.g. "Inactive" or "Failed". */
    void setState(String function, String state);

    /** Arms a fault for the next calls of an operation, named as AWS names it (e.g. "PublishVersion"). */
    void inject(String operation, Fault fault);

    void quotas(boolean enabled);

    /**
     * Another actor updates the code, as a second pipeline or a person at the console would: new CodeSha256 and
     * RevisionId, InProgress for the update duration. An update in flight is completed first.
     */
    void updateCodeByAnotherActor(String function, byte[] zip);

    /**
     * Creates a CloudWatch metric alarm, or starts one over: INSUFFICIENT_DATA ("Unchecked: Initial alarm creation")
     * from the clock's instant on, with no scripted states.
     */
    void createAlarm(String name);

    /**
     * From {@code at} on, DescribeAlarms shows the alarm in {@code state} (OK, ALARM or INSUFFICIENT_DATA) with
     * {@code reason} as StateReason and {@code at} as StateUpdatedTimestamp, until a later scripted instant. Creates
     * the alarm first (INSUFFICIENT_DATA) if it does not exist. A second call for the same instant replaces the first.
     *
     * @throws IllegalArgumentException for another state
     */
    void alarmStateAt(String name, Instant at, String state, String reason);

    /** As {@link #alarmStateAt(String, Instant, String, String)}, {@code offset} after the clock's instant now. */
    void alarmStateAt(String name, Duration offset, String state, String reason);

    /**
     * The alarm as DescribeAlarms would show it now.
     *
     * @throws java.util.NoSuchElementException for an unknown alarm
     */
    AlarmView alarm(String name);

    /** @throws java.util.NoSuchElementException for an unknown function */
    FunctionView inspect(String function);

    /**
     * The function's aliases by name, weights included ({@link FunctionView#aliases()} has their versions only).
     *
     * @throws java.util.NoSuchElementException for an unknown function
     */
    java.util.List<AliasView> aliases(String function);

    /**
     * Every change of the function's aliases over HTTP, oldest first, so a test can tell where each alias routed at
     * every instant, not only now.
     *
     * @throws java.util.NoSuchElementException for an unknown function
     */
    java.util.List<AliasChange> aliasHistory(String function);
}
