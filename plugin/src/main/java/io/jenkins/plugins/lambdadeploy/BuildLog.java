package io.jenkins.plugins.lambdadeploy;

import dev.lambdadeploy.engine.log.DeployLog;
import dev.lambdadeploy.engine.log.LogSink;
import dev.lambdadeploy.engine.log.LogStyle;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.TaskListener;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** The engine's log vocabulary, written to a build's console. */
@Restricted(NoExternalUse.class)
public final class BuildLog {

    private BuildLog() {}

    @NonNull
    public static DeployLog of(@NonNull TaskListener listener) {
        LogSink sink = (level, text) -> listener.getLogger().println(text);
        return new DeployLog(sink, LogStyle.EMOJI);
    }
}
