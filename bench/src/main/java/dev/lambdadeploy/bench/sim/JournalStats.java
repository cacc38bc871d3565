package dev.lambdadeploy.bench.sim;

import dev.lambdadeploy.simulator.JournalEntry;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** What the simulator's journal says about one function: its calls, refusals and first successful publish. */
public record JournalStats(
        int calls,
        int getFunctionCalls,
        int conflicts,
        int throttles,
        @Nullable Instant firstPublish) {

    public static final JournalStats NONE = new JournalStats(0, 0, 0, 0, null);

    /** The entries grouped by function name. */
    public static Map<String, JournalStats> byFunction(List<JournalEntry> entries) {
        return entries.stream()
                .filter(e -> e.functionName() != null)
                .collect(Collectors.groupingBy(
                        JournalEntry::functionName,
                        Collectors.collectingAndThen(Collectors.toList(), JournalStats::of)));
    }

    static JournalStats of(List<JournalEntry> entries) {
        int getFunction = (int) entries.stream()
                .filter(e -> e.operation().equals("GetFunction"))
                .count();
        int conflicts = (int) entries.stream().filter(e -> e.status() == 409).count();
        int throttles = (int) entries.stream().filter(e -> e.status() == 429).count();
        Instant published = entries.stream()
                .filter(e -> e.operation().equals("PublishVersion") && e.status() / 100 == 2)
                .map(JournalEntry::time)
                .min(Comparator.naturalOrder())
                .orElse(null);
        return new JournalStats(entries.size(), getFunction, conflicts, throttles, published);
    }

    public JournalStats plus(JournalStats o) {
        return new JournalStats(
                calls + o.calls,
                getFunctionCalls + o.getFunctionCalls,
                conflicts + o.conflicts,
                throttles + o.throttles,
                firstPublish != null ? firstPublish : o.firstPublish);
    }
}
