package dev.lambdadeploy.engine.aws;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** One daemon thread, in real time, for what must happen while a call blocks: abort it, say it is slow. */
final class Watchdog {

    private static final ScheduledThreadPoolExecutor TIMER = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "lambda-deploy-watchdog");
        t.setDaemon(true);
        return t;
    });

    static {
        TIMER.setRemoveOnCancelPolicy(true);
    }

    private Watchdog() {}

    static ScheduledFuture<?> every(Duration period, Runnable task) {
        return TIMER.scheduleWithFixedDelay(task, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    static ScheduledFuture<?> after(Duration delay, Runnable task) {
        return TIMER.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
}
