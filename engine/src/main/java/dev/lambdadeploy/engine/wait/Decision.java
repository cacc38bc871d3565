package dev.lambdadeploy.engine.wait;

import dev.lambdadeploy.engine.FunctionStatus;
import dev.lambdadeploy.engine.aws.AwsErrorInfo;
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

    /**
     * The budget of attempts or time is spent; {@code lastSeen} is the status this last poll saw, if it saw one;
     * {@code lastError} is the error this last poll met instead (a 429, a 5xx, no answer), if it met one.
     */
    record TimedOut(
            @Nullable FunctionStatus lastSeen, @Nullable AwsErrorInfo lastError) implements Decision {

        public TimedOut(@Nullable FunctionStatus lastSeen) {
            this(lastSeen, null);
        }
    }
}
