package io.jenkins.plugins.lambdadeploy;

import dev.lambdadeploy.engine.aws.ClientSettings;
import dev.lambdadeploy.engine.aws.HttpClientFactory;
import dev.lambdadeploy.engine.aws.LambdaClients;
import edu.umd.cs.findbugs.annotations.NonNull;

/**
 * The one {@link LambdaClients} of this Jenkins: HTTP connection pools shared by all steps, closed when Jenkins stops
 * (by {@link Background#jenkinsStopping}, after it has silenced the steps' background work).
 */
public final class AwsClients {

    private static LambdaClients clients;

    private AwsClients() {
    }

    /** A client for one call or one poll; close it afterwards. */
    @NonNull
    public static LambdaClients.Session open(@NonNull ClientSettings settings) {
        return clients().open(settings);
    }

    private static synchronized LambdaClients clients() {
        if (clients == null) {
            // the Apache 4 client: the one the aws-java-sdk2 plugins provide
            clients = new LambdaClients(HttpClientFactory.apache4());
        }
        return clients;
    }

    /** Closes the pools; the next {@link #open} makes new ones. */
    static synchronized void close() {
        if (clients != null) {
            clients.close();
            clients = null;
        }
    }
}
