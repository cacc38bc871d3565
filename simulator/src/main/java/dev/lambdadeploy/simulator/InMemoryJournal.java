package dev.lambdadeploy.simulator;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/** Lock-free journal with per-operation and per-status counters. */
final class InMemoryJournal implements Journal {
    private final ConcurrentLinkedQueue<JournalEntry> entries = new ConcurrentLinkedQueue<>();
    private final ConcurrentMap<String, LongAdder> byOperation = new ConcurrentHashMap<>();
    private final ConcurrentMap<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();

    void record(JournalEntry e) {
        entries.add(e);
        byOperation.computeIfAbsent(e.operation(), k -> new LongAdder()).increment();
        byStatus.computeIfAbsent(e.status(), k -> new LongAdder()).increment();
    }

    @Override
    public List<JournalEntry> entries() {
        return List.copyOf(entries);
    }

    @Override
    public void clear() {
        entries.clear();
        byOperation.clear();
        byStatus.clear();
    }

    @Override
    public long count(String operation) {
        LongAdder a = byOperation.get(operation);
        return a == null ? 0 : a.sum();
    }

    @Override
    public long countStatus(int httpStatus) {
        LongAdder a = byStatus.get(httpStatus);
        return a == null ? 0 : a.sum();
    }
}
