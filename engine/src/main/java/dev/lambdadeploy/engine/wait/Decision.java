package dev.lambdadeploy.engine.wait;

import dev.lambdadeploy.engine.FunctionStatus;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** What to do after a poll. */
public sealed interface Decision {

    /** Active and Successful: safe to publish or update. */
    record Ready(FunctionStatus status) implements Decision {}

    /** State or LastUpdateStatus is Failed: waiting longer cannot help. */
    record Failed(FunctionStatus status) implements Decision {}

    /** Not ready yet: poll again after {@code delay}. */
    record PollAgain(Duration delay) implements Decision {}

    /** The budget of attempts or time is spent; {@code lastSeen} is the last status seen, if any. */
    record TimedOut(@Nullable FunctionStatus lastSeen) implements Decision {}
}
