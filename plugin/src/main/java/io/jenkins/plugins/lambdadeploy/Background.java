package io.jenkins.plugins.lambdadeploy;

import hudson.init.Terminator;
import hudson.util.ClassLoaderSanityThreadFactory;
import hudson.util.DaemonThreadFactory;
import hudson.util.NamingThreadFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Threads for AWS calls, so that neither the CPS VM thread nor the shared {@link jenkins.util.Timer} pool waits on
 * the network. The timer only hands a poll over to this pool.
 */
public final class Background {

    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(new NamingThreadFactory(
            new ClassLoaderSanityThreadFactory(new DaemonThreadFactory()), "LambdaDeploy"));

    /** Bumped when Jenkins stops, so work scheduled by an earlier Jenkins in the same JVM (tests) stays quiet. */
    private static final AtomicLong GENERATION = new AtomicLong();

    private Background() {
    }

    public static Future<?> submit(Runnable work) {
        return EXECUTOR.submit(work);
    }

    public static long generation() {
        return GENERATION.get();
    }

    /**
     * One terminator, so the order is fixed: first silence work scheduled so far (a poll whose connection is closed
     * under it then fails quietly instead of failing its build), then close the connection pools.
     */
    @Terminator
    public static void jenkinsStopping() {
        GENERATION.incrementAndGet();
        AwsClients.close();
    }
}
