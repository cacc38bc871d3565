package dev.lambdadeploy.simulator;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A create or update in flight. It ends at {@code completesAt}; with a failure, $LATEST goes back to
 * {@code revertTo} and the version published with it (if any) ends Failed.
 */
record Transition(
    boolean creation,
    Instant completesAt,
    @Nullable FunctionSpec revertTo,
    @Nullable Failure failure,
    @Nullable String publishedVersion) {

  Transition withPublishedVersion(String version) {
    return new Transition(creation, completesAt, revertTo, failure, version);
  }
}
