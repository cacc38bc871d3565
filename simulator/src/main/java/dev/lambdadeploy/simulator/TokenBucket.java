package dev.lambdadeploy.simulator;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A rate limit of {@code perSecond} requests, with bursts of as many, refilled on the given clock. */
final class TokenBucket {
    private final double perSecond;
    private double tokens;
    private @Nullable Instant last;

    TokenBucket(double perSecond) {
        this.perSecond = perSecond;
        this.tokens = perSecond;
    }

    synchronized boolean tryTake(Instant now) {
        if (last == null) {
            last = now;
        } else if (now.isAfter(last)) {
            double elapsedSeconds = Duration.between(last, now).toNanos() / 1e9;
            tokens = Math.min(perSecond, tokens + elapsedSeconds * perSecond);
            last = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
