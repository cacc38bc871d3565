package dev.lambdadeploy.engine.aws;

import dev.lambdadeploy.engine.RoleAssumptionException;
import java.io.InterruptedIOException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/** Shared handling of SDK calls: interrupts become {@link InterruptedException}, so an abort stops promptly. */
public final class AwsCalls {

    private AwsCalls() {
    }

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

    private static @Nullable RoleAssumptionException roleAssumptionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RoleAssumptionException sts) {
                return sts;
            }
        }
        return null;
    }

    static boolean isInterruption(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AbortedException || t instanceof InterruptedException || t instanceof InterruptedIOException
                    && !(t instanceof java.net.SocketTimeoutException)) {
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
                return Duration.ofSeconds(Math.max(0, Long.parseLong(tmr.retryAfterSeconds().trim())));
            } catch (NumberFormatException ignored) {
                return Duration.ZERO;
            }
        }
        return Duration.ZERO;
    }
}
