package io.jenkins.plugins.lambdadeploy;

import dev.lambdadeploy.engine.LambdaDeployException;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;

/**
 * The engine's user errors become {@link AbortException}s: Jenkins prints their message and no stack trace. Anything
 * else is a bug and keeps its stack trace.
 */
public final class UserErrors {

    private UserErrors() {
    }

    @NonNull
    public static Throwable forBuild(@NonNull Throwable error) {
        if (error instanceof LambdaDeployException) {
            return new AbortException(error.getMessage());
        }
        return error;
    }
}
