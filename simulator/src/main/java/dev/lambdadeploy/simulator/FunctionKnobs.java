package dev.lambdadeploy.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the controls arranged for one function name: update duration, an armed failure, scripted states. */
final class FunctionKnobs {
  private Duration updateDuration;
  private @Nullable Failure failNext;
  private final Deque<StateSnapshot> script = new ArrayDeque<>();

  FunctionKnobs(Duration defaultUpdateDuration) {
    this.updateDuration = defaultUpdateDuration;
  }

  synchronized Duration updateDuration() {
    return updateDuration;
  }

  synchronized void updateDuration(Duration d) {
    updateDuration = d;
  }

  synchronized void failNext(Failure f) {
    failNext = f;
  }

  /** The armed failure, disarmed by this call. */
  synchronized @Nullable Failure takeFailure() {
    Failure f = failNext;
    failNext = null;
    return f;
  }

  synchronized void script(List<StateSnapshot> snapshots) {
    script.clear();
    script.addAll(snapshots);
  }

  synchronized @Nullable StateSnapshot nextScripted() {
    return script.pollFirst();
  }
}
