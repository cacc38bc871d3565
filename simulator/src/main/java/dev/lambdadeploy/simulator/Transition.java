package dev.lambdadeploy.simulator;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A create or update in flight, made by {@link #creation} or {@link #update}. It ends at {@code completesAt}; with a
 * failure, a creation ends Failed, an update puts $LATEST back to {@code revertTo}, and the version published with
 * it (if any) ends Failed.
 *
 * @param revertTo what $LATEST was before an update; null for a creation, which has nothing to go back to
 */
record Transition(
        Instant completesAt,
        @Nullable FunctionSpec revertTo,
        @Nullable Failure failure,
        @Nullable String publishedVersion) {

    /** A new function, Pending until {@code completesAt}; {@code failure} if one was armed for its name. */
    static Transition creation(Instant completesAt, @Nullable Failure failure) {
        return new Transition(completesAt, null, failure, null);
    }

    /** An update of $LATEST away from {@code previous}; {@code failure} if one was armed for it. */
    static Transition update(Instant completesAt, FunctionSpec previous, @Nullable Failure failure) {
        return new Transition(completesAt, previous, failure, null);
    }

    /** The version published together with this change, which ends as the change does. */
    Transition withPublishedVersion(String version) {
        return new Transition(completesAt, revertTo, failure, version);
    }
}
