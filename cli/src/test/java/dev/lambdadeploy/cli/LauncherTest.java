package dev.lambdadeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher cli/bin/lambda-deploy in a copy of the source tree, with a stand-in Maven wrapper (it records its
 * arguments and writes the jar) and a stand-in java (it records each command line and writes the class-data archive
 * it is asked for): what gets built when, and which run makes the archive.
 */
class LauncherTest {

    @TempDir
    Path root;

    Path log;
    Path cache;
    Path jar;

    @BeforeEach
    void sourceTree() throws IOException {
        assumeThat(Path.of("/bin/bash")).exists();
        Path launcher = Path.of("bin", "lambda-deploy").toAbsolutePath();
        log = root.resolve("calls.log");
        cache = root.resolve("cache");
        jar = root.resolve("cli/target/lambda-deploy-cli.jar");
        Files.createDirectories(root.resolve("cli/bin"));
        Files.copy(launcher, root.resolve("cli/bin/lambda-deploy"));
        executable(root.resolve("cli/bin/lambda-deploy"));
        for (String module : List.of("engine", "simulator", "cli")) {
            Files.createDirectories(root.resolve(module + "/src/main/java"));
            Files.writeString(root.resolve(module + "/pom.xml"), "<project/>");
            Files.writeString(root.resolve(module + "/src/main/java/A.java"), "class A {}");
        }
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Files.writeString(root.resolve("mvnw"), """
                #!/bin/bash
                echo "mvnw $*" >> "%s"
                echo "[maven output]"
                mkdir -p cli/target && echo jar > cli/target/lambda-deploy-cli.jar
                """.formatted(log));
        executable(root.resolve("mvnw"));
        Path java = root.resolve("jdk/bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, """
                #!/bin/bash
                echo "java $*" >> "%s"
                for a in "$@"; do
                  case "$a" in -XX:ArchiveClassesAtExit=*) echo archive > "${a#*=}";; esac
                done
                echo "[result]"
                """.formatted(log));
        executable(java);
    }

    @Test
    void aFreshCloneBuildsTheCliWithTheWrapperSayingSoOnStderr() throws Exception {
        Result run = run("demo");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err())
                .contains("lambda-deploy: the CLI is not built yet; building it")
                .contains("./mvnw -q -B -P '!jenkins' -pl cli -am package -DskipTests")
                .contains("[maven output]");
        assertThat(run.out()).as("stdout carries the result only").isEqualTo("[result]\n");
        assertThat(calls()).first().asString().isEqualTo("mvnw -q -B -P !jenkins -pl cli -am package -DskipTests");
        assertThat(calls()).last().asString().endsWith("/target/lambda-deploy-cli.jar demo");
    }

    @Test
    void aJarOlderThanTheSourcesIsRebuiltAndAFreshOneIsNot() throws Exception {
        run("--version");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));

        Result stale = run("--version");
        Files.setLastModifiedTime(
                root.resolve("engine/src/main/java/A.java"),
                FileTime.from(Instant.now().minusSeconds(120)));
        Files.setLastModifiedTime(
                root.resolve("cli/src/main/java/A.java"),
                FileTime.from(Instant.now().minusSeconds(120)));
        Files.setLastModifiedTime(
                root.resolve("simulator/src/main/java/A.java"),
                FileTime.from(Instant.now().minusSeconds(120)));
        Result fresh = run("--version");

        assertThat(stale.err()).contains("the CLI's jar is older than its sources; rebuilding it");
        assertThat(fresh.err()).doesNotContain("rebuilding").doesNotContain("building it");
        assertThat(calls().stream().filter(c -> c.startsWith("mvnw"))).hasSize(2);
    }

    @Test
    void theArchiveIsMadeFromADemoDeployNotFromTheFirstCommand() throws Exception {
        Result help = run("--help");
        Result deploy = run("deploy", "--function-name", "fn");

        List<String> javaCalls =
                calls().stream().filter(c -> c.startsWith("java ")).toList();
        assertThat(javaCalls).hasSize(3);
        assertThat(javaCalls.get(0)).contains("-XX:ArchiveClassesAtExit=").endsWith(" demo --speed 20 --plain");
        assertThat(javaCalls.get(1))
                .contains("-XX:SharedArchiveFile=")
                .doesNotContain("ArchiveClassesAtExit")
                .endsWith(" --help");
        assertThat(javaCalls.get(2)).contains("-XX:SharedArchiveFile=").endsWith(" deploy --function-name fn");
        assertThat(help.err()).contains("preparing start-up data for this build from a demo deploy");
        assertThat(deploy.err()).doesNotContain("preparing");
        assertThat(help.out()).isEqualTo("[result]\n");
    }

    @Test
    void noArchiveIsMadeWhereCiIsSet() throws Exception {
        run(Map.of("CI", "true"), "--version");

        assertThat(calls().stream().filter(c -> c.startsWith("java ")))
                .singleElement()
                .asString()
                .doesNotContain("ArchiveClassesAtExit")
                .doesNotContain("SharedArchiveFile");
    }

    record Result(int exitCode, String out, String err) {}

    private Result run(String... args) throws Exception {
        return run(Map.of(), args);
    }

    private Result run(Map<String, String> extraEnv, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(
                List.of(root.resolve("cli/bin/lambda-deploy").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        Map<String, String> env = builder.environment();
        env.remove("CI");
        env.remove("LAMBDA_DEPLOY_JAR");
        env.remove("LAMBDA_DEPLOY_JAVA_OPTS");
        env.remove("LAMBDA_DEPLOY_NO_ARCHIVE");
        env.put("JAVA_HOME", root.resolve("jdk").toString());
        env.put("XDG_CACHE_HOME", cache.toString());
        env.putAll(extraEnv);
        Path out = root.resolve("out.txt");
        Path err = root.resolve("err.txt");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private List<String> calls() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
