package dev.lambdadeploy.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The CloudWatch metric alarms of the simulated account and region, each a script of states over the simulator's
 * clock: the state at an instant is the one of the last entry at or before it. Nothing runs in the background.
 */
final class AlarmRegistry {
    static final Set<String> STATES = Set.of("OK", "ALARM", "INSUFFICIENT_DATA");
    static final String INITIAL_REASON = "Unchecked: Initial alarm creation";

    private record Entry(String state, String reason) {}

    private final String region;
    private final String accountId;
    /** Alarm name to its script, by name (DescribeAlarms lists alarms by name). */
    private final Map<String, NavigableMap<Instant, Entry>> alarms = new TreeMap<>();

    AlarmRegistry(String region, String accountId) {
        this.region = region;
        this.accountId = accountId;
    }

    String arn(String name) {
        return "arn:aws:cloudwatch:" + region + ":" + accountId + ":alarm:" + name;
    }

    /** A new alarm (or one started over): INSUFFICIENT_DATA from {@code now} on. */
    synchronized void create(String name, Instant now) {
        NavigableMap<Instant, Entry> script = new TreeMap<>();
        script.put(now, new Entry("INSUFFICIENT_DATA", INITIAL_REASON));
        alarms.put(requireName(name), script);
    }

    /** From {@code at} on the alarm is in {@code state}; created at {@code now} first if it does not exist. */
    synchronized void stateAt(String name, Instant at, String state, String reason, Instant now) {
        if (!STATES.contains(state)) {
            throw new IllegalArgumentException("not an alarm state: " + state + " (one of " + STATES + ")");
        }
        if (!alarms.containsKey(name)) {
            create(name, at.isBefore(now) ? at : now);
        }
        alarms.get(name).put(at, new Entry(state, reason));
    }

    synchronized @Nullable AlarmView view(String name, Instant now) {
        NavigableMap<Instant, Entry> script = alarms.get(name);
        if (script == null) {
            return null;
        }
        Map.Entry<Instant, Entry> current = script.floorEntry(now);
        if (current == null) { // only future entries: as at its first entry, which create() puts at creation
            current = script.firstEntry();
        }
        Instant transitioned = current.getKey();
        for (Map.Entry<Instant, Entry> e = script.lowerEntry(transitioned);
                e != null && e.getValue().state().equals(current.getValue().state());
                e = script.lowerEntry(e.getKey())) {
            transitioned = e.getKey();
        }
        return new AlarmView(
                name, current.getValue().state(), current.getValue().reason(), current.getKey(), transitioned);
    }

    /** When the alarm was created (its configuration's last update), or null for an unknown alarm. */
    synchronized @Nullable Instant createdAt(String name) {
        NavigableMap<Instant, Entry> script = alarms.get(name);
        return script == null ? null : script.firstKey();
    }

    synchronized List<AlarmView> all(Instant now) {
        return alarms.keySet().stream().map(n -> view(n, now)).toList();
    }

    private static String requireName(String name) {
        if (name.isEmpty() || name.length() > 255) {
            throw new IllegalArgumentException("an alarm name has 1 to 255 characters: " + name);
        }
        return name;
    }
}
