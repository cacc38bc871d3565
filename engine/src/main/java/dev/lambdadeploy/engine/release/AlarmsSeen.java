package dev.lambdadeploy.engine.release;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What one DescribeAlarms of the watched alarms showed. */
public sealed interface AlarmsSeen {

    /** An alarm in state ALARM, and since when (its StateUpdatedTimestamp). */
    record Firing(String name, Instant since) {

        public Firing {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(since, "since");
        }
    }

    /** The alarms were read; {@code firing} are those in ALARM (OK and INSUFFICIENT_DATA do not stop a shift). */
    record Read(List<Firing> firing) implements AlarmsSeen {

        public Read {
            firing = List.copyOf(firing);
        }
    }

    /** The alarms could not be read (throttled, unavailable, denied): {@code reason} says why. */
    record Unreadable(String reason) implements AlarmsSeen {

        public Unreadable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** No alarm was named: nothing to read, nothing can fire. */
    static AlarmsSeen none() {
        return new Read(List.of());
    }
}
