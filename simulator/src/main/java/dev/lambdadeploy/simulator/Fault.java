package dev.lambdadeploy.simulator;

import java.time.Duration;
import java.util.Objects;

/** A misbehaviour injected into the next {@link #times()} calls of one operation. */
public sealed interface Fault
        permits Fault.Status, Fault.ConnectionReset, Fault.Delay, Fault.Throttle, Fault.ConcurrentUpdate {

    int times();

    /** Answer with this status and error type (e.g. 500 ServiceException, 503 ServiceUnavailableException). */
    static Fault status(int httpStatus, String errorType, int times) {
        return new Status(httpStatus, errorType, times);
    }

    /** Close the connection without answering, so the client sees an I/O error. */
    static Fault connectionReset(int times) {
        return new ConnectionReset(times);
    }

    /** Wait for real before answering normally: the only real wait in the simulator. */
    static Fault delay(Duration d, int times) {
        return new Delay(d, times);
    }

    /** Answer 429 TooManyRequestsException, whether quotas are on or not. */
    static Fault throttle(int times) {
        return new Throttle(times);
    }

    /**
     * Just before the call is served, another actor updates the code of the function it names: new CodeSha256 and
     * RevisionId, InProgress for the function's update duration. The call is then answered as Lambda would: an update
     * or a publish meets 409 while that update is InProgress, and once it is done a publish pinned to the old
     * CodeSha256 is refused (400) and one pinned to the old RevisionId meets 412.
     */
    static Fault concurrentUpdate(int times) {
        return new ConcurrentUpdate(times);
    }

    record ConcurrentUpdate(int times) implements Fault {
        public ConcurrentUpdate {
            requirePositive(times);
        }
    }

    record Status(int httpStatus, String errorType, int times) implements Fault {
        public Status {
            Objects.requireNonNull(errorType);
            if (httpStatus < 400 || httpStatus > 599) {
                throw new IllegalArgumentException("not an error status: " + httpStatus);
            }
            requirePositive(times);
        }
    }

    record ConnectionReset(int times) implements Fault {
        public ConnectionReset {
            requirePositive(times);
        }
    }

    record Delay(Duration duration, int times) implements Fault {
        public Delay {
            if (duration.isNegative()) {
                throw new IllegalArgumentException("negative delay: " + duration);
            }
            requirePositive(times);
        }
    }

    record Throttle(int times) implements Fault {
        public Throttle {
            requirePositive(times);
        }
    }

    private static void requirePositive(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + times);
        }
    }
}
