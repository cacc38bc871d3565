package dev.lambdadeploy.engine.aws;

import dev.lambdadeploy.engine.wait.Sleeper;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps this process inside Lambda's control-plane quotas per account and region, so many deploys at once
 * queue briefly instead of drawing 429 storms: GetFunction 100 requests/s, every other call 15 requests/s shared.
 * Bursts are half the rate, so the service's own bucket never runs dry even when clocks disagree a little.
 */
public final class QuotaLimiter {

    public static final double GET_FUNCTION_PER_SECOND = 100;
    public static final double OTHER_CALLS_PER_SECOND = 15;

    private static final Map<String, QuotaLimiter> SHARED = new ConcurrentHashMap<>();

    private final Sleeper sleeper;
    private final TokenBucket getFunction;
    private final TokenBucket otherCalls;

    public QuotaLimiter(InstantSource clock, Sleeper sleeper, double getFunctionPerSecond, double otherCallsPerSecond) {
        Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.getFunction = new TokenBucket(clock, getFunctionPerSecond, Math.max(1, getFunctionPerSecond / 2));
        this.otherCalls = new TokenBucket(clock, otherCallsPerSecond, Math.max(1, otherCallsPerSecond / 2));
    }

    /** The limiter every client of this process uses for {@code key} (account or credentials, region, endpoint). */
    public static QuotaLimiter shared(String key) {
        return SHARED.computeIfAbsent(key, k -> new QuotaLimiter(InstantSource.system(), Sleeper.system(),
                GET_FUNCTION_PER_SECOND, OTHER_CALLS_PER_SECOND));
    }

    /** Blocks until {@code operation} may be sent; returns how long it waited. */
    public Duration acquire(String operation) throws InterruptedException {
        Duration wait = ("GetFunction".equals(operation) ? getFunction : otherCalls).reserve();
        sleeper.sleep(wait);
        return wait;
    }
}
