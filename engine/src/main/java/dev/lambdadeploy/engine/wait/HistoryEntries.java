package dev.lambdadeploy.engine.wait;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The bounded, expiring map both stores keep: per key the last durations, keys in order of last record. */
final class HistoryEntries {

    record Entry(Instant at, Duration took) {}

    private final LinkedHashMap<WaitKey, Deque<Entry>> byKey = new LinkedHashMap<>(16, 0.75f, false);

    void add(WaitKey key, Duration took, Instant at) {
        if (took.isNegative() || at == null) {
            return;
        }
        Deque<Entry> entries = byKey.remove(key); // re-inserted last: most recently recorded
        if (entries == null) {
            entries = new ArrayDeque<>();
        }
        entries.addLast(new Entry(at, took));
        while (entries.size() > WaitHistory.MAX_PER_FUNCTION) {
            entries.removeFirst();
        }
        byKey.put(key, entries);
        while (byKey.size() > WaitHistory.MAX_FUNCTIONS) {
            Iterator<WaitKey> oldest = byKey.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    List<Duration> recent(WaitKey key, Instant now) {
        Deque<Entry> entries = byKey.get(key);
        if (entries == null) {
            return List.of();
        }
        Instant oldest = now.minus(WaitHistory.MAX_AGE);
        return entries.stream()
                .filter(e -> e.at().isAfter(oldest))
                .map(Entry::took)
                .toList();
    }

    /** Forgets what is older than {@link WaitHistory#MAX_AGE} at {@code now}. */
    void expire(Instant now) {
        Instant oldest = now.minus(WaitHistory.MAX_AGE);
        byKey.values().forEach(d -> d.removeIf(e -> !e.at().isAfter(oldest)));
        byKey.values().removeIf(Deque::isEmpty);
    }

    /** What is recorded for {@code functionName}, in every region, within {@link WaitHistory#MAX_AGE} of {@code now}. */
    List<CarriedWaitHistory.Recorded> forFunction(String functionName, Instant now) {
        Instant oldest = now.minus(WaitHistory.MAX_AGE);
        List<CarriedWaitHistory.Recorded> found = new ArrayList<>();
        byKey.forEach((key, entries) -> {
            if (key.functionName().equals(functionName)) {
                entries.stream()
                        .filter(e -> e.at().isAfter(oldest))
                        .forEach(e -> found.add(new CarriedWaitHistory.Recorded(key, e.took(), e.at())));
            }
        });
        return found;
    }

    Map<WaitKey, List<Entry>> snapshot() {
        Map<WaitKey, List<Entry>> copy = new LinkedHashMap<>();
        byKey.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
        return copy;
    }

    int functions() {
        return byKey.size();
    }
}
