package dev.lambdadeploy.engine.aws;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * A token bucket that hands out reservations: each caller learns how long to wait for its token and waits on
 * its own, so callers are served in arrival order with no polling.
 */
final class TokenBucket {

    private final InstantSource clock;
    private final double ratePerSecond;
    private final double burst;
    private double tokens;
    private Instant updated;

    TokenBucket(InstantSource clock, double ratePerSecond, double burst) {
        if (ratePerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("need a positive rate and a burst of at least 1");
        }
        this.clock = clock;
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.tokens = burst;
        this.updated = clock.instant();
    }

    /** Takes one token, possibly borrowed from the future; returns how long to wait before using it. */
    synchronized Duration reserve() {
        Instant now = clock.instant();
        if (now.isAfter(updated)) {
            tokens = Math.min(burst, tokens + Duration.between(updated, now).toNanos() * ratePerSecond / 1e9);
            updated = now;
        }
        tokens -= 1;
        return tokens >= 0 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil(-tokens / ratePerSecond * 1e9));
    }
}
