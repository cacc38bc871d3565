package dev.lambdadeploy.simulator;

import java.time.Duration;
import java.util.Objects;

/** A misbehaviour injected into the next {@link #times()} calls of one operation. */
public sealed interface Fault permits Fault.Status, Fault.ConnectionReset, Fault.Delay, Fault.Throttle {

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
