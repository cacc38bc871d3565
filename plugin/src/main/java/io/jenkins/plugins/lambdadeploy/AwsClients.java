package io.jenkins.plugins.lambdadeploy;

import dev.lambdadeploy.engine.aws.ClientSettings;
import dev.lambdadeploy.engine.aws.HttpClientFactory;
import dev.lambdadeploy.engine.aws.LambdaClients;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.init.Terminator;
import java.util.concurrent.atomic.AtomicLong;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The one {@link LambdaClients} of this Jenkins: HTTP connection pools shared by all steps, closed when Jenkins stops.
 * Also counts the Jenkins instances of this JVM, so that background work an earlier one started (a test's restart)
 * can tell it is stale: in production a restart is a new JVM anyway.
 */
@Restricted(NoExternalUse.class)
public final class AwsClients {

    private static final AtomicLong GENERATION = new AtomicLong();
    private static LambdaClients clients;

    private AwsClients() {}

    /** A client for one call or one poll; close it afterwards. */
    @NonNull
    public static LambdaClients.Session open(@NonNull ClientSettings settings) {
        return clients().open(settings);
    }

    /** Changes when Jenkins stops: work begun under another value belongs to an earlier Jenkins. */
    public static long generation() {
        return GENERATION.get();
    }

    private static synchronized LambdaClients clients() {
        if (clients == null) {
            // the Apache 4 client: the one the aws-java-sdk2 plugins provide
            clients = new LambdaClients(HttpClientFactory.apache4());
        }
        return clients;
    }

    /**
     * First marks earlier work stale (a poll whose connection is closed under it then ends quietly instead of failing
     * its build), then closes the pools; the next {@link #open} makes new ones.
     */
    @Terminator
    public static synchronized void jenkinsStopping() {
        GENERATION.incrementAndGet();
        if (clients != null) {
            clients.close();
            clients = null;
        }
    }
}
