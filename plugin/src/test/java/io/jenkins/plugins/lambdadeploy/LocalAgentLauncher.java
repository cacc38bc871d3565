package io.jenkins.plugins.lambdadeploy;

import hudson.model.TaskListener;
import hudson.remoting.Channel;
import hudson.slaves.ComputerLauncher;
import hudson.slaves.SlaveComputer;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Starts an agent JVM from a command and talks remoting over its stdin/stdout, with an environment of the test's
 * choosing: the inherited one minus what {@code removed} names, plus {@code added}.
 */
final class LocalAgentLauncher extends ComputerLauncher {

    private final List<String> command;
    private final Map<String, String> added;
    private final List<String> removed;
    private final File log;
    private transient Process process;

    LocalAgentLauncher(List<String> command, Map<String, String> added, List<String> removed, File log) {
        // XStream (the node's config.xml) refuses the JDK's immutable collections
        this.command = new ArrayList<>(command);
        this.added = new TreeMap<>(added);
        this.removed = new ArrayList<>(removed);
        this.log = log;
    }

    @Override
    public synchronized void launch(SlaveComputer computer, TaskListener listener)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log));
        removed.forEach(pb.environment()::remove);
        pb.environment().putAll(added);
        Process started = pb.start();
        process = started;
        computer.setChannel(started.getInputStream(), started.getOutputStream(), listener, new Channel.Listener() {
            @Override
            public void onClosed(Channel channel, IOException cause) {
                started.destroy();
            }
        });
    }

    @Override
    public synchronized void afterDisconnect(SlaveComputer computer, TaskListener listener) {
        if (process != null) {
            process.destroy();
            process = null;
        }
    }
}
