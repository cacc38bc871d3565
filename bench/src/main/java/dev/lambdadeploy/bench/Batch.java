package dev.lambdadeploy.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Runs tasks on a thread each, all released at the same moment once every thread exists, and collects per
 * task null for success or a one-line error.
 */
final class Batch {

    @FunctionalInterface
    interface Task {
        void run(int index) throws Exception;
    }

    /** {@code released} is the {@link System#nanoTime()} at which the tasks were let go. */
    record Result(List<@Nullable String> errors, long released) {

        long failures() {
            return errors.stream().filter(e -> e != null).count();
        }
    }

    private Batch() {}

    static Result run(int count, long timeoutSeconds, Task task) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(count, r -> {
            Thread t = new Thread(r, "bench-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    task.run(index);
                    return null;
                }));
            }
            long released = System.nanoTime();
            go.countDown();
            long deadline = released + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            List<@Nullable String> errors = new ArrayList<>();
            for (Future<?> f : futures) {
                try {
                    f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    errors.add(null);
                } catch (ExecutionException e) {
                    errors.add(describe(e.getCause()));
                } catch (TimeoutException e) {
                    f.cancel(true);
                    errors.add("did not finish within " + timeoutSeconds + " s");
                }
            }
            return new Result(errors, released);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The exception's class, and its message when it is one of ours (the SDK's carry request ids). */
    static String describe(Throwable e) {
        if (e instanceof ParallelBench.StepFailed || e instanceof IllegalStateException) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName();
    }
}
