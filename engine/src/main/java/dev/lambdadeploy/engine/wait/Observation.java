package dev.lambdadeploy.engine.wait;

import dev.lambdadeploy.engine.FunctionStatus;
import dev.lambdadeploy.engine.aws.AwsErrorInfo;
import java.time.Duration;

/** What one poll produced: the function's status, or a passing refusal that is worth polling through. */
public sealed interface Observation extends java.io.Serializable {

    /** Lambda answered GetFunction. */
    record Seen(FunctionStatus status) implements Observation {}

    /** Lambda answered 429; {@code retryAfter} is what it asked for (Retry-After), or zero when it did not say. */
    record Throttled(Duration retryAfter, AwsErrorInfo error) implements Observation {}

    /** A 5xx or a broken connection that outlasted the SDK's own retries. */
    record Unavailable(AwsErrorInfo error) implements Observation {}
}
