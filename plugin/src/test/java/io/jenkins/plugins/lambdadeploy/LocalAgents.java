package io.jenkins.plugins.lambdadeploy;

import hudson.remoting.Launcher;
import hudson.remoting.Which;
import hudson.slaves.DumbSlave;
import hudson.slaves.RetentionStrategy;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jenkins.slaves.RemotingVersionInfo;
import org.jspecify.annotations.Nullable;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Agents in a JVM of their own, for the Jenkins of ../shared/jenkins as for a full one.
 *
 * <p>{@code JenkinsRule.createOnlineSlave} cannot work with ../shared/jenkins: its launcher runs {@code java -jar} on the
 * jar {@code Slave.JnlpJar} finds for remoting, and there remoting is inside {@code lib/jenkins-libs.jar}, a jar
 * without a {@code Main-Class} and absent from the war's {@code WEB-INF/lib}, so the lookup fails
 * ({@code FileNotFoundException: lib/jenkins-libs.jar}, looked for in the war). This starts
 * {@code hudson.remoting.Launcher} from the classpath instead: the jar holding remoting, those of args4j and the Jakarta
 * WebSocket client API (the agent jar bundles them upstream; {@code Launcher} needs them even on stdin/stdout) and a
 * folder whose {@code hudson/remoting/hudson-version.properties} gives the agent a remoting version, which the
 * controller checks against its minimum (the one built here says {@code version=}). The controller side needs
 * {@code jenkins/slaves/remoting-info.properties} among the test resources for the same reason.
 */
final class LocalAgents {

    private LocalAgents() {}

    /**
     * An online agent {@code name} with label {@code label} whose process environment is the controller's without
     * {@code removed}, plus {@code added}.
     */
    static DumbSlave createOnline(
            JenkinsRule j, String name, String label, Map<String, String> added, List<String> removed)
            throws Exception {
        File root = new File(j.jenkins.getRootDir(), "agent-" + name);
        Path versionFolder = root.toPath().resolve("remoting-version");
        Path properties = versionFolder.resolve("hudson/remoting/hudson-version.properties");
        Files.createDirectories(properties.getParent());
        Files.writeString(properties, "version=" + RemotingVersionInfo.getEmbeddedVersion() + "\n");
        List<String> classpath = new ArrayList<>(
                List.of(versionFolder.toString(), Which.jarFile(Launcher.class).getPath()));
        for (String dependency :
                List.of("org.kohsuke.args4j.CmdLineParser", "jakarta.websocket.ClientEndpointConfig")) {
            String jar = jarOf(dependency);
            if (jar != null && !classpath.contains(jar)) {
                classpath.add(jar);
            }
        }
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Djava.awt.headless=true",
                "-cp",
                String.join(File.pathSeparator, classpath),
                Launcher.class.getName());
        DumbSlave agent = new DumbSlave(
                name,
                new File(root, "fs").getPath(),
                new LocalAgentLauncher(command, added, removed, new File(root, "agent.log")));
        agent.setLabelString(label);
        agent.setRetentionStrategy(RetentionStrategy.NOOP);
        j.jenkins.addNode(agent);
        j.waitOnline(agent);
        return agent;
    }

    /** The jar (or folder) a class loads from here; null when it is not on the classpath. */
    private static @Nullable String jarOf(String className) throws IOException {
        try {
            return Which.jarFile(Class.forName(className, false, LocalAgents.class.getClassLoader()))
                    .getPath();
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
