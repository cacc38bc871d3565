package dev.lambdadeploy.bench;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One replayed deploy of an update lasting {@code update}: its overshoot (null when nothing was published) and its
 * calls, the update and the publish included.
 */
record ReplayedDeploy(Duration update, @Nullable Duration overshoot, int calls, int getFunctionCalls) {

    static ReplayedDeploy of(Duration update, ReplayedFunction function) {
        return new ReplayedDeploy(update, function.overshoot(), function.calls(), function.getFunctionCalls());
    }

    boolean failed() {
        return overshoot == null;
    }
}
