package dev.lambdadeploy.engine.release;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where a gradual shift of an alias stands, in plain values a restart-surviving front end persists as they are.
 *
 * @param alias the alias being shifted
 * @param newVersion the version traffic moves to
 * @param previousVersion the version the alias pointed at before, where a rollback puts all traffic back
 * @param step the plan's step whose weight is live, -1 before the first
 * @param nextStepAtEpochMilli when the next step is due, in epoch milliseconds: the end of the live step's hold, or
 *     the shift's start before the first step
 */
public record ShiftState(String alias, String newVersion, String previousVersion, int step, long nextStepAtEpochMilli)
        implements java.io.Serializable {

    public ShiftState {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(newVersion, "newVersion");
        Objects.requireNonNull(previousVersion, "previousVersion");
        if (step < -1) {
            throw new IllegalArgumentException("step must be -1 or more: " + step);
        }
    }

    /** A shift that has not moved any traffic yet; its first step is due {@code now}. */
    public static ShiftState start(String alias, String newVersion, String previousVersion, Instant now) {
        return new ShiftState(alias, newVersion, previousVersion, -1, now.toEpochMilli());
    }

    /** Plain values, for a front end that persists the state as it is; {@link #fromMap} is the inverse. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("alias", alias);
        map.put("newVersion", newVersion);
        map.put("previousVersion", previousVersion);
        map.put("step", step);
        map.put("nextStepAtEpochMilli", nextStepAtEpochMilli);
        return map;
    }

    /**
     * The state {@link #toMap()} gave.
     *
     * @throws IllegalArgumentException when {@code map} is not such a map
     */
    public static ShiftState fromMap(Map<String, ?> map) {
        try {
            return new ShiftState(
                    (String) map.get("alias"),
                    (String) map.get("newVersion"),
                    (String) map.get("previousVersion"),
                    ((Number) Objects.requireNonNull(map.get("step"), "step")).intValue(),
                    ((Number) Objects.requireNonNull(map.get("nextStepAtEpochMilli"), "nextStepAtEpochMilli"))
                            .longValue());
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("not a map of ShiftState.toMap(): " + e.getMessage(), e);
        }
    }

    public boolean started() {
        return step >= 0;
    }

    public Instant nextStepAt() {
        return Instant.ofEpochMilli(nextStepAtEpochMilli);
    }

    ShiftState atStep(int next, Instant holdUntil) {
        return new ShiftState(alias, newVersion, previousVersion, next, holdUntil.toEpochMilli());
    }
}
