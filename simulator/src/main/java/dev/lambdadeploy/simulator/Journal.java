package dev.lambdadeploy.simulator;

import java.util.List;

/** Every request the simulator answered (or dropped), in arrival order. Thread-safe. */
public interface Journal {
    List<JournalEntry> entries();

    void clear();

    long count(String operation);

    long countStatus(int httpStatus);
}
