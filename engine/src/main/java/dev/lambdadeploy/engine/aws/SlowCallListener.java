package dev.lambdadeploy.engine.aws;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Hears of an AWS call that has not answered for a while, so a front end is not silent while it blocks. */
@FunctionalInterface
public interface SlowCallListener {

    /**
     * @param waited how long the call has gone unanswered
     * @param limit when the call will be given up (its timeout), or null when only the client's own timeout bounds it
     */
    void slowCall(String operation, String functionName, Duration waited, @Nullable Duration limit);

    SlowCallListener NONE = (operation, functionName, waited, limit) -> {};
}
