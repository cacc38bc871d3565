package dev.lambdadeploy.engine.wait;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A {@link WaitHistory} in memory, bounded as the interface says: for tests, the bench and long-lived processes. */
public final class InMemoryWaitHistory implements WaitHistory {

    private final HistoryEntries entries = new HistoryEntries();

    @Override
    public synchronized void record(WaitKey key, Duration took, Instant at) {
        entries.add(Objects.requireNonNull(key, "key"), took, at);
    }

    @Override
    public synchronized List<Duration> recent(WaitKey key, Instant now) {
        return entries.recent(key, now);
    }

    @Override
    public synchronized List<CarriedWaitHistory.Recorded> recordedFor(String functionName, Instant now) {
        return entries.forFunction(functionName, now);
    }

    synchronized int functions() {
        return entries.functions();
    }
}
