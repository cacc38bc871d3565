package dev.lambdadeploy.simulator;

import java.time.Instant;

/** Lambda's control-plane request quotas for one account and region: GetFunction 100/s, the rest 15/s shared. */
final class Quotas {
    private final TokenBucket getFunction = new TokenBucket(100);
    private final TokenBucket everythingElse = new TokenBucket(15);
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
        TokenBucket bucket = operation.equals("GetFunction") ? getFunction : everythingElse;
        if (!bucket.tryTake(now)) {
            throw ApiException.tooManyRequests();
        }
    }
}
