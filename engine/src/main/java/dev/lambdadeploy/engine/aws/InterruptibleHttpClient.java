package dev.lambdadeploy.engine.aws;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * Makes the SDK's blocking HTTP clients honour an interrupt: a request blocked on a socket that gets no answer
 * is aborted (its connection closed) within {@link #CHECK_EVERY} of its thread being interrupted, as the SDK does
 * itself only when its own call timeout fires. A build abort or Ctrl-C then stops an UpdateFunctionCode or
 * PublishVersion in flight at once, instead of when the server answers. Closing this leaves the delegate open:
 * its owner shares it.
 */
public final class InterruptibleHttpClient implements SdkHttpClient {

    static final Duration CHECK_EVERY = Duration.ofMillis(50);

    private final SdkHttpClient delegate;

    public InterruptibleHttpClient(SdkHttpClient delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        ExecutableHttpRequest prepared = delegate.prepareRequest(request);
        return new ExecutableHttpRequest() {
            private final AtomicBoolean aborted = new AtomicBoolean();

            @Override
            public HttpExecuteResponse call() throws IOException {
                Thread caller = Thread.currentThread();
                if (caller.isInterrupted()) {
                    throw new InterruptedIOException("interrupted before the request was sent");
                }
                ScheduledFuture<?> watch = Watchdog.every(CHECK_EVERY, () -> {
                    if (caller.isInterrupted()) {
                        abort();
                    }
                });
                try {
                    return prepared.call();
                } catch (IOException e) {
                    if (aborted.get()) {
                        InterruptedIOException interrupted = new InterruptedIOException("request aborted: interrupted");
                        interrupted.initCause(e);
                        throw interrupted;
                    }
                    throw e;
                } finally {
                    watch.cancel(false);
                }
            }

            @Override
            public void abort() {
                if (aborted.compareAndSet(false, true)) {
                    prepared.abort();
                }
            }
        };
    }

    @Override
    public String clientName() {
        return delegate.clientName();
    }

    @Override
    public void close() {
        // the delegate is shared and closed by its owner
    }
}
