package dev.lambdadeploy.engine.aws;

import dev.lambdadeploy.engine.RoleAssumptionException;
import java.io.InterruptedIOException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/** Shared handling of SDK calls: interrupts become {@link InterruptedException}, so an abort stops promptly. */
public final class AwsCalls {

    private AwsCalls() {}

    @FunctionalInterface
    public interface Call<T> {
        T call();
    }

    /** Runs an SDK call; an interrupt during it (the SDK throws AbortedException) is rethrown as such. */
    public static <T> T interruptibly(Call<T> call) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before an AWS call");
        }
        try {
            return call.call();
        } catch (SdkException e) {
            RoleAssumptionException sts = roleAssumptionFailure(e);
            if (sts != null) {
                throw sts; // blamed on AssumeRole, not on the Lambda call that needed the credentials
            }
            if (isInterruption(e)) {
                Thread.interrupted();
                InterruptedException interrupted = new InterruptedException("interrupted during an AWS call");
                interrupted.initCause(e);
                throw interrupted;
            }
            throw e;
        }
    }

    /** The default quiet time after which a call still unanswered is reported as slow. */
    public static final Duration SLOW_CALL_AFTER = Duration.ofSeconds(5);

    /**
     * Runs {@link #interruptibly} and tells {@code listener}, in real time, each time the call has gone unanswered
     * for another {@code notifyAfter}.
     */
    public static <T> T watched(
            String operation,
            String functionName,
            Duration notifyAfter,
            @Nullable Duration limit,
            SlowCallListener listener,
            Call<T> call)
            throws InterruptedException {
        long start = System.nanoTime();
        java.util.concurrent.ScheduledFuture<?> watch = Watchdog.every(
                notifyAfter,
                () -> listener.slowCall(operation, functionName, Duration.ofNanos(System.nanoTime() - start), limit));
        try {
            return interruptibly(call);
        } finally {
            watch.cancel(false);
        }
    }

    private static @Nullable RoleAssumptionException roleAssumptionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RoleAssumptionException sts) {
                return sts;
            }
        }
        return null;
    }

    static boolean isInterruption(Throwable e) {
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            // the SDK's own timeout interrupts the calling thread to stop the call; that is no abort by the user
            return Thread.currentThread().isInterrupted();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AbortedException
                    || t instanceof InterruptedException
                    || t instanceof InterruptedIOException && !(t instanceof java.net.SocketTimeoutException)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Thread.currentThread().isInterrupted();
    }

    /** What a 429 asked for in Retry-After / retryAfterSeconds, or zero when it did not say. */
    public static Duration retryAfter(@Nullable Throwable e) {
        if (e instanceof TooManyRequestsException tmr && tmr.retryAfterSeconds() != null) {
            try {
                return Duration.ofSeconds(
                        Math.max(0, Long.parseLong(tmr.retryAfterSeconds().trim())));
            } catch (NumberFormatException ignored) {
                return Duration.ZERO;
            }
        }
        return Duration.ZERO;
    }
}
