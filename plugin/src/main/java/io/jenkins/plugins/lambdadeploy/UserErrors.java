package io.jenkins.plugins.lambdadeploy;

import dev.lambdadeploy.engine.LambdaDeployException;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import java.util.function.Supplier;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The engine's user errors become {@link AbortException}s: Jenkins prints their message and no stack trace. Anything
 * else is a bug and keeps its stack trace.
 */
@Restricted(NoExternalUse.class)
public final class UserErrors {

    private UserErrors() {}

    /** Runs a validation or request builder of the engine; its user error fails the build without a stack trace. */
    @NonNull
    public static <T> T checked(@NonNull Supplier<T> validation) throws AbortException {
        try {
            return validation.get();
        } catch (LambdaDeployException e) {
            throw new AbortException(e.getMessage());
        }
    }
}
