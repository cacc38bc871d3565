package dev.lambdadeploy.bench;

import dev.lambdadeploy.bench.sim.CodeZips;
import dev.lambdadeploy.bench.sim.JournalStats;
import dev.lambdadeploy.simulator.LambdaSimulator;
import dev.lambdadeploy.simulator.SimulatorCredentials;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Part 3: one deploy as a whole process, started and timed from outside: the CLI's shaded jar against the
 * spec's flow as a bash script on the AWS CLI. Both run against a simulator whose updates finish at once, so
 * what is measured is process start-up, calls and the flow's own pauses. Runs alternate; one untimed warm-up
 * run of each goes first.
 */
final class ProcessBench {

    static final String BUILD_CLI = "./mvnw -q -B -P '!jenkins' -pl cli -am package -DskipTests";
    private static final long PROCESS_TIMEOUT_SECONDS = 180;

    record Settings(int runs, RepoPaths paths) {}

    /** {@code skipped} says why nothing was measured; otherwise {@code walls} has one entry per timed run. */
    record Row(
            String key,
            String label,
            @Nullable String skipped,
            List<Duration> walls,
            List<Integer> calls,
            int failures,
            @Nullable String lastError) {}

    private record Candidate(
            String key, String label, Function<String, List<String>> command, Map<String, String> env) {}

    private final Settings settings;
    private final PrintStream progress;

    ProcessBench(Settings settings, PrintStream progress) {
        this.settings = settings;
        this.progress = progress;
    }

    List<Row> run() throws IOException, InterruptedException {
        try (LambdaSimulator sim = LambdaSimulator.builder()
                .port(0)
                .quotas(true)
                .defaultUpdateDuration(Duration.ZERO)
                .defaultCreateDuration(Duration.ZERO)
                .start()) {
            Path work = Files.createTempDirectory("lambda-deploy-bench");
            Path zip = Files.write(work.resolve("function.zip"), CodeZips.forLabel("part 3"));
            List<Row> rows = new ArrayList<>();
            List<Candidate> candidates = new ArrayList<>();
            Path jar = settings.paths().root().relativize(settings.paths().cliJar());
            cli(sim, zip)
                    .ifPresentOrElse(
                            candidates::add,
                            () -> rows.add(skipped(
                                    "cli", cliLabel(), "skipped: " + jar + " not built; build it with " + BUILD_CLI)));
            Optional<AwsCli> aws = AwsCli.locate();
            aws.ifPresentOrElse(
                    a -> candidates.add(spec(sim, zip, a)),
                    () -> rows.add(skipped("spec", specLabel(), "skipped: aws not installed")));
            rows.addAll(measure(sim, candidates, work));
            rows.sort(Comparator.comparing(r -> !r.key().equals("cli")));
            return rows;
        }
    }

    static String cliLabel() {
        return "CLI (cli/bin/lambda-deploy deploy)";
    }

    static String specLabel() {
        return "spec script (bash + AWS CLI)";
    }

    private Optional<Candidate> cli(LambdaSimulator sim, Path zip) {
        Path jar = settings.paths().cliJar();
        if (!Files.isRegularFile(jar)) {
            return Optional.empty();
        }
        // the launcher users run: start-up flags and a class-data archive, made by the untimed warm-up run
        Map<String, String> env = credentials(sim);
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("LAMBDA_DEPLOY_JAR", jar.toString());
        env.put("XDG_CACHE_HOME", zip.getParent().resolve("cache").toString());
        env.put(
                "CI",
                ""); // the launcher makes no archive under CI; measure it as on a developer's or a kept CI machine
        return Optional.of(new Candidate(
                "cli",
                cliLabel(),
                fn -> List.of(
                        "bash",
                        settings.paths().cliLauncher().toString(),
                        "deploy",
                        "--function-name",
                        fn,
                        "--zip-file",
                        zip.toString(),
                        "--endpoint-url",
                        sim.endpoint().toString(),
                        "--region",
                        sim.region()),
                env));
    }

    private Candidate spec(LambdaSimulator sim, Path zip, AwsCli aws) {
        Map<String, String> env = credentials(sim);
        env.put("AWS_CLI", aws.executable().toString());
        return new Candidate(
                "spec",
                specLabel() + ", " + aws.version().split(" ")[0],
                fn -> List.of(
                        "bash",
                        settings.paths().specScript().toString(),
                        "--function-name",
                        fn,
                        "--zip-file",
                        zip.toString(),
                        "--endpoint-url",
                        sim.endpoint().toString(),
                        "--region",
                        sim.region()),
                env);
    }

    private static Map<String, String> credentials(LambdaSimulator sim) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ACCESS_KEY_ID", SimulatorCredentials.ACCESS_KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", SimulatorCredentials.SECRET_ACCESS_KEY);
        env.put("AWS_REGION", sim.region());
        env.put("AWS_DEFAULT_REGION", sim.region());
        // Keep the user's profiles and instance metadata out of the timing.
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_PAGER", "");
        return env;
    }

    private static Row skipped(String key, String label, String why) {
        return new Row(key, label, why, List.of(), List.of(), 0, null);
    }

    private List<Row> measure(LambdaSimulator sim, List<Candidate> candidates, Path work)
            throws IOException, InterruptedException {
        Map<String, List<Duration>> walls = new HashMap<>();
        Map<String, List<Integer>> calls = new HashMap<>();
        Map<String, Integer> failures = new HashMap<>();
        Map<String, String> lastError = new HashMap<>();
        for (int run = 0; run <= settings.runs(); run++) {
            for (Candidate c : candidates) {
                String fn = "p3-" + c.key() + "-" + run;
                sim.control().createFunction(fn, Duration.ZERO);
                Path log = work.resolve(fn + ".log");
                long t0 = System.nanoTime();
                int exit = exec(c.command().apply(fn), c.env(), log);
                Duration wall = Duration.ofNanos(System.nanoTime() - t0);
                boolean published = !sim.control().inspect(fn).versions().isEmpty();
                JournalStats stats =
                        JournalStats.byFunction(sim.journal().entries()).getOrDefault(fn, JournalStats.NONE);
                sim.journal().clear();
                if (run == 0) {
                    continue; // warm-up: page cache, JIT of the simulator
                }
                walls.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(wall);
                calls.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(stats.calls());
                if (exit != 0 || !published) {
                    failures.merge(c.key(), 1, Integer::sum);
                    lastError.put(
                            c.key(), "exit " + exit + (published ? "" : ", no version published") + ": " + tail(log));
                }
                progress.printf(
                        "  part 3: %-45s run %d: %.2f s, exit %d%n", c.label(), run, wall.toNanos() / 1e9, exit);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Candidate c : candidates) {
            rows.add(new Row(
                    c.key(),
                    c.label(),
                    null,
                    walls.getOrDefault(c.key(), List.of()),
                    calls.getOrDefault(c.key(), List.of()),
                    failures.getOrDefault(c.key(), 0),
                    lastError.get(c.key())));
        }
        return rows;
    }

    private static int exec(List<String> command, Map<String, String> env, Path log)
            throws IOException, InterruptedException {
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("AWS_PROFILE");
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join(" / ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }
}
