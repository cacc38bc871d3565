package dev.lambdadeploy.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/** Faults armed per operation; each serves its count of calls, in the order they were armed. */
final class FaultInjector {
    private final ConcurrentMap<String, Deque<Armed>> armed = new ConcurrentHashMap<>();

    private static final class Armed {
        final Fault fault;
        int remaining;

        Armed(Fault fault) {
            this.fault = fault;
            this.remaining = fault.times();
        }
    }

    void inject(String operation, Fault fault) {
        Deque<Armed> queue = armed.computeIfAbsent(operation, o -> new ArrayDeque<>());
        synchronized (queue) {
            queue.addLast(new Armed(fault));
        }
    }

    /** The fault for this call of the operation, if one is armed; counts it as served. */
    @Nullable
    Fault next(String operation) {
        Deque<Armed> queue = armed.get(operation);
        if (queue == null) {
            return null;
        }
        synchronized (queue) {
            Armed head = queue.peekFirst();
            if (head == null) {
                return null;
            }
            if (--head.remaining == 0) {
                queue.pollFirst();
            }
            return head.fault;
        }
    }
}
