package dev.lambdadeploy.simulator;

import java.time.Instant;

/**
 * The request quotas of one account and region: Lambda's control plane (GetFunction 100/s, the rest 15/s shared) and
 * CloudWatch's DescribeAlarms (9/s of its own).
 */
final class Quotas {
    private final TokenBucket getFunction = new TokenBucket(100);
    private final TokenBucket everythingElse = new TokenBucket(15);
    private final TokenBucket describeAlarms = new TokenBucket(9);
    private volatile boolean enabled;

    Quotas(boolean enabled) {
        this.enabled = enabled;
    }

    void enabled(boolean on) {
        enabled = on;
    }

    /** @throws ApiException 429 when the operation's quota is used up */
    void check(String operation, Instant now) {
        if (!enabled || operation.equals(Route.UNKNOWN)) {
            return;
        }
        TokenBucket bucket = switch (operation) {
            case "GetFunction" -> getFunction;
            case CloudWatchService.DESCRIBE_ALARMS -> describeAlarms;
            default -> everythingElse;
        };
        if (!bucket.tryTake(now)) {
            throw ApiException.tooManyRequests();
        }
    }
}
