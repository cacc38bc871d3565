package io.jenkins.plugins.lambdadeploy;

import dev.lambdadeploy.engine.wait.FileWaitHistory;
import dev.lambdadeploy.engine.wait.WaitHistory;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.nio.file.Path;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The update durations the {@code history} wait policy polls around, kept on the controller in
 * {@code $JENKINS_HOME/lambda-deploy-wait-history.tsv}: per region and function, the engine's bounds (a few recent
 * durations, expiring), durations only, no secrets.
 */
@Restricted(NoExternalUse.class)
public final class ControllerWaitHistory {

    static final String FILE_NAME = "lambda-deploy-wait-history.tsv";

    private static Path file;
    private static WaitHistory history;

    private ControllerWaitHistory() {}

    /** The history of this Jenkins (a new one when Jenkins' home changes, as in tests). */
    @NonNull
    public static synchronized WaitHistory get() {
        Path current = Jenkins.get().getRootDir().toPath().resolve(FILE_NAME);
        if (!current.equals(file)) {
            file = current;
            history = new FileWaitHistory(current);
        }
        return history;
    }
}
