package dev.lambdadeploy.engine.aws;

import dev.lambdadeploy.engine.wait.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Keeps this process inside Lambda's control-plane quotas, so many deploys at once queue briefly instead of drawing
 * 429 storms: GetFunction 100 requests/s, every other call 15 requests/s shared. Bursts are half the rate, so the
 * service's own bucket never runs dry even when clocks disagree a little.
 *
 * <h2>What a limiter is shared by</h2>
 *
 * Lambda counts these quotas per account and region; a different endpoint (a simulator, a FIPS or private endpoint)
 * is counted apart. The {@linkplain #shared(Key) process-wide limiters} are therefore keyed by {@link Key}: account,
 * region and endpoint, and never by anything secret or valid for one session only. The access key id in particular is
 * no key: role credentials (the Jenkins AWS credential type with a role, an STS session) come with a new key id on
 * every resolve, so each deploy would get a limiter of its own, nothing would be shared and the map would grow for
 * the process's lifetime.
 *
 * <p>The account is taken only where it is known without an AWS call: from the ARN of the role the engine assumes
 * ({@link ClientSettings#role()}), else from a function given as an ARN (full or partial) in the request itself.
 * Otherwise the account is unknown and the key is region and endpoint alone: every deploy of unknown account to that
 * region and endpoint shares one budget. That is the conservative choice: it never lets two deploys of one account
 * exceed the quota together, at the price of queueing deploys of different accounts in one region behind each other.
 * (Calls that know the account and calls that do not use different limiters, even for the same account; the engine
 * polls through the 429s such a mix may draw.) Calling STS GetCallerIdentity to learn the account would cost a call
 * per client and a permission, for a process-wide queue that is short in any case.
 *
 * <h2>Bounded</h2>
 *
 * Limiters idle for {@link Registry#DEFAULT_IDLE_EXPIRY} are dropped from the registry on a later lookup. An idle
 * limiter's buckets are full again after half a second, and the expiry is never shorter than that refill time, so a
 * dropped limiter and the fresh one that replaces it behave the same. The limiter {@link #shared(Key)} returns is a
 * handle that looks its buckets up on every call, so a client that lives longer than the expiry keeps sharing.
 */
public final class QuotaLimiter {

    public static final double GET_FUNCTION_PER_SECOND = 100;
    public static final double OTHER_CALLS_PER_SECOND = 15;

    /** The registry behind {@link #shared(Key)}: the system clock, real sleeps, Lambda's default quotas. */
    private static final Registry SHARED = new Registry(
            InstantSource.system(),
            Sleeper.system(),
            Registry.DEFAULT_IDLE_EXPIRY,
            GET_FUNCTION_PER_SECOND,
            OTHER_CALLS_PER_SECOND);

    /**
     * What Lambda counts a quota on. {@code toString} is {@code account|region|endpoint}, with {@code *} for an
     * unknown account.
     *
     * @param account the 12-digit account id, or null when it is not known without an AWS call
     * @param endpoint {@code aws} for the region's standard endpoint, else the endpoint URL
     */
    public record Key(@Nullable String account, String region, String endpoint) {

        public Key {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(endpoint, "endpoint");
            if (account != null && !ACCOUNT.matcher(account).matches()) {
                throw new IllegalArgumentException("an account id has 12 digits: " + account);
            }
        }

        /** This key with {@code account} when this one has none; unchanged otherwise. */
        Key withAccountIfUnknown(@Nullable String account) {
            return this.account != null || account == null ? this : new Key(account, region, endpoint);
        }

        @Override
        public String toString() {
            return (account != null ? account : "*") + "|" + region + "|" + endpoint;
        }
    }

    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    /** arn:partition:service:region:account:resource, as IAM role and Lambda function ARNs are written. */
    private static final Pattern ARN = Pattern.compile("arn:[\\w-]+:[\\w-]+:[\\w-]*:(\\d{12}):.+");
    /** A partial function ARN, which Lambda accepts as FunctionName: 123456789012:function:name. */
    private static final Pattern PARTIAL_FUNCTION_ARN = Pattern.compile("(\\d{12}):function:.+");

    /** The account an ARN (or a partial function ARN) names; null for a plain name, or anything else. */
    static @Nullable String accountOf(@Nullable String arnOrName) {
        if (arnOrName == null) {
            return null;
        }
        Matcher arn = ARN.matcher(arnOrName.trim());
        if (arn.matches()) {
            return arn.group(1);
        }
        Matcher partial = PARTIAL_FUNCTION_ARN.matcher(arnOrName.trim());
        return partial.matches() ? partial.group(1) : null;
    }

    private final Sleeper sleeper;
    /** A limiter of its own (tests, benchmarks), or null for a handle on {@link #registry}. */
    private final @Nullable Buckets own;

    private final @Nullable Registry registry;
    private final @Nullable Key key;

    /** A limiter of its own, shared with nobody: e.g. on a test clock, or with other rates. */
    public QuotaLimiter(InstantSource clock, Sleeper sleeper, double getFunctionPerSecond, double otherCallsPerSecond) {
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.own = new Buckets(Objects.requireNonNull(clock, "clock"), getFunctionPerSecond, otherCallsPerSecond);
        this.registry = null;
        this.key = null;
    }

    private QuotaLimiter(Registry registry, Key key) {
        this.sleeper = registry.sleeper;
        this.own = null;
        this.registry = registry;
        this.key = key;
    }

    /** The limiter every client of this process uses for {@code key}. */
    public static QuotaLimiter shared(Key key) {
        return SHARED.limiter(key);
    }

    /** The key of a shared limiter; null for a limiter of its own. */
    public @Nullable Key key() {
        return key;
    }

    /**
     * The limiter for a call on {@code functionName}: for a shared limiter of unknown account and a function given as
     * an ARN, the one of the ARN's account; this limiter otherwise.
     */
    QuotaLimiter forFunction(@Nullable String functionName) {
        if (registry == null || key == null || key.account() != null) {
            return this;
        }
        Key withAccount = key.withAccountIfUnknown(accountOf(functionName));
        return withAccount == key ? this : registry.limiter(withAccount);
    }

    /** Blocks until {@code operation} may be sent; returns how long it waited. */
    public Duration acquire(String operation) throws InterruptedException {
        Buckets buckets = own != null ? own : Objects.requireNonNull(registry).buckets(Objects.requireNonNull(key));
        Duration wait = buckets.reserve(operation);
        sleeper.sleep(wait);
        return wait;
    }

    /** The two token buckets of one account, region and endpoint. */
    private static final class Buckets {
        private final TokenBucket getFunction;
        private final TokenBucket otherCalls;
        private Instant lastUsed;

        Buckets(InstantSource clock, double getFunctionPerSecond, double otherCallsPerSecond) {
            this.getFunction = new TokenBucket(clock, getFunctionPerSecond, burst(getFunctionPerSecond));
            this.otherCalls = new TokenBucket(clock, otherCallsPerSecond, burst(otherCallsPerSecond));
            this.lastUsed = clock.instant();
        }

        Duration reserve(String operation) {
            return ("GetFunction".equals(operation) ? getFunction : otherCalls).reserve();
        }
    }

    private static double burst(double ratePerSecond) {
        return Math.max(1, ratePerSecond / 2);
    }

    /**
     * Limiters by {@link Key}, each dropped once idle for the expiry. The process has one ({@link #shared(Key)});
     * tests make their own on a fake clock.
     */
    public static final class Registry {

        public static final Duration DEFAULT_IDLE_EXPIRY = Duration.ofMinutes(10);

        private final InstantSource clock;
        private final Sleeper sleeper;
        private final Duration idleExpiry;
        private final double getFunctionPerSecond;
        private final double otherCallsPerSecond;
        private final Map<Key, Buckets> buckets = new HashMap<>();

        /**
         * @param idleExpiry how long a limiter may go unused before it is dropped; at least the time an emptied
         *     bucket takes to refill, so that dropping it changes nothing
         */
        public Registry(
                InstantSource clock,
                Sleeper sleeper,
                Duration idleExpiry,
                double getFunctionPerSecond,
                double otherCallsPerSecond) {
            this.clock = Objects.requireNonNull(clock, "clock");
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            this.idleExpiry = Objects.requireNonNull(idleExpiry, "idleExpiry");
            if (getFunctionPerSecond <= 0 || otherCallsPerSecond <= 0) {
                throw new IllegalArgumentException("need positive rates");
            }
            double refillSeconds = Math.max(
                    burst(getFunctionPerSecond) / getFunctionPerSecond,
                    burst(otherCallsPerSecond) / otherCallsPerSecond);
            if (idleExpiry.toNanos() < refillSeconds * 1e9) {
                throw new IllegalArgumentException("an idle expiry of " + idleExpiry + " is shorter than the "
                        + refillSeconds + " s an emptied bucket takes to refill");
            }
            this.getFunctionPerSecond = getFunctionPerSecond;
            this.otherCallsPerSecond = otherCallsPerSecond;
        }

        /** A handle on the limiter of {@code key}; its buckets are looked up (and kept alive) by each call. */
        public QuotaLimiter limiter(Key key) {
            return new QuotaLimiter(this, Objects.requireNonNull(key, "key"));
        }

        /** How many limiters are held now, idle ones not yet dropped included. */
        public synchronized int size() {
            return buckets.size();
        }

        synchronized Buckets buckets(Key key) {
            Instant now = clock.instant();
            for (Iterator<Buckets> it = buckets.values().iterator(); it.hasNext(); ) {
                if (Duration.between(it.next().lastUsed, now).compareTo(idleExpiry) >= 0) {
                    it.remove();
                }
            }
            Buckets b =
                    buckets.computeIfAbsent(key, k -> new Buckets(clock, getFunctionPerSecond, otherCallsPerSecond));
            b.lastUsed = now;
            return b;
        }
    }
}
