package dev.lambdadeploy.bench;

import dev.lambdadeploy.bench.report.CsvRenderer;
import dev.lambdadeploy.bench.report.Fmt;
import dev.lambdadeploy.bench.report.MachineFacts;
import dev.lambdadeploy.bench.report.MarkdownRenderer;
import dev.lambdadeploy.bench.report.Report;
import dev.lambdadeploy.bench.sim.ScaledTime;
import dev.lambdadeploy.bench.sim.SdkClients;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the benchmark against in-process simulators and prints one table per part, then writes them to
 * {@code bench/results/results.md} and {@code results.csv}.
 */
@Command(
        name = "lambda-deploy-bench",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Measures the engine's waits against the spec's script and the AWS SDK waiter, parallel deploys "
                    + "under Lambda's quotas, and the CLI as a whole process, all against the simulator.",
            "Build and run: ./mvnw -q -B -P '!jenkins' -pl bench -am package -DskipTests && "
                    + "java -jar bench/target/lambda-deploy-bench.jar"
        })
public final class BenchMain implements Callable<Integer> {

    static final List<Duration> UPDATES =
            List.of(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(25), Duration.ofSeconds(120));

    @Option(
            names = "--quick",
            description = "Fewer trials and runs, coarser time: about 2 minutes instead of about 3 to 5.")
    boolean quick;

    @Option(
            names = "--trials",
            paramLabel = "N",
            description = "Deploys per contender and update duration in part 1 " + "(default 30, --quick 8).")
    Integer trials;

    @Option(
            names = "--scale",
            paramLabel = "S",
            description = "Part 1's simulated time runs S times faster than real " + "time (default 10, --quick 20).")
    Double scale;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "20250101",
            description = "Seed of the update-duration jitter.")
    long seed;

    @Option(
            names = "--runs",
            paramLabel = "N",
            description = "Timed runs per contender in part 3 (default 7, --quick 3).")
    Integer runs;

    @Option(
            names = "--parts",
            split = ",",
            paramLabel = "PART",
            description = "Which parts to run (default all): 0 the wait decisions replayed on a fake clock (seconds), "
                    + "1 wait policies, 2 parallel deploys, 3 one deploy as a whole process.")
    Set<Integer> parts = Set.of(0, 1, 2, 3);

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        RepoPaths paths = RepoPaths.locate();
        int trialCount = trials != null ? trials : quick ? 8 : 30;
        int runCount = runs != null ? runs : quick ? 3 : 7;
        Report report = new Report();
        MachineFacts.current().asMap().forEach(report::fact);
        double timeScale = scale != null ? scale : quick ? 20 : 10;
        report.fact("mode", (quick ? "--quick" : "full") + ", parts " + new TreeSet<>(parts));
        report.fact("load average before (1/5/15 min)", MachineFacts.loadAverage());

        try (SdkClients clients = new SdkClients()) {
            WaitPolicyBench.Settings waitSettings =
                    new WaitPolicyBench.Settings(UPDATES, trialCount, seed, Duration.ofMillis(500));
            ParallelBench.Settings parallelSettings = new ParallelBench.Settings(
                    quick ? List.of(1, 10, 100) : List.of(1, 10, 50, 100),
                    Duration.ofSeconds(1),
                    List.of("engine", "history", "spec", "sdk"));
            Targets targets = new Targets();
            WaitPolicyBench.@Nullable Result waits = null;
            if (parts.contains(1)) {
                report.fact("part 1 time scale", Fmt.number(timeScale) + "x (simulated seconds per real second)");
                report.fact("part 1 trials", trialCount + " per contender and update duration");
                System.err.println(
                        "Part 1: wait policies, scale " + Fmt.number(timeScale) + "x, " + trialCount + " trials");
                waits = new WaitPolicyBench(clients, new ScaledTime(timeScale), waitSettings, System.err).run();
            }
            if (parts.contains(0)) {
                // after part 1, to replay at the round trip it measured; its table comes first all the same
                DecisionReplay.Settings replaySettings =
                        DecisionReplay.settings(UPDATES, waits != null ? waits.callLatency() : null);
                System.err.println("Part 0: wait decisions replayed on a fake clock, round trips "
                        + replaySettings.roundTrips().stream().map(Fmt::millis).toList() + ", swept over "
                        + replaySettings.sweep().stream().map(Fmt::millis).toList());
                long replayStarted = System.nanoTime();
                DecisionReplay.Result replay = new DecisionReplay(replaySettings).run();
                report.fact("part 0 run time", Fmt.seconds((System.nanoTime() - replayStarted) / 1e9) + " s");
                report.add(Tables.replay(replay));
                report.add(Tables.roundTripSweep(replay));
                targets.replay(replay);
            }
            if (waits != null) {
                report.add(Tables.waitPolicies(waits, timeScale, waitSettings));
                targets.waitPolicies(waits.rows()).history(waits.rows());
            }
            if (parts.contains(2)) {
                System.err.println("Part 2: parallel deploys, real time");
                List<ParallelBench.Row> rows = new ParallelBench(clients, parallelSettings, System.err).run();
                report.add(Tables.parallel(rows, parallelSettings));
                targets.parallel(rows);
            }
            if (parts.contains(3)) {
                System.err.println("Part 3: one deploy as a whole process");
                List<ProcessBench.Row> rows =
                        new ProcessBench(new ProcessBench.Settings(runCount, paths), System.err).run();
                report.add(Tables.process(rows, runCount));
                targets.process(rows);
            }
            report.add(targets.table());
        }
        report.fact("load average after (1/5/15 min)", MachineFacts.loadAverage());
        report.fact("bench run time", Fmt.seconds((System.nanoTime() - started) / 1e9) + " s");

        String markdown = MarkdownRenderer.render(report, "Lambda Deploy benchmark");
        System.out.println(markdown);
        Path results = paths.results();
        Files.createDirectories(results);
        Files.writeString(results.resolve("results.md"), markdown, StandardCharsets.UTF_8);
        Files.writeString(results.resolve("results.csv"), CsvRenderer.render(report), StandardCharsets.UTF_8);
        System.err.println("Wrote " + results.resolve("results.md") + " and results.csv");
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }
}
