package dev.lambdadeploy.bench;

import dev.lambdadeploy.bench.flow.Contender;
import dev.lambdadeploy.bench.flow.EngineFlow;
import dev.lambdadeploy.bench.flow.HistoryEngineFlow;
import dev.lambdadeploy.bench.flow.SdkWaiterFlow;
import dev.lambdadeploy.bench.flow.SpecFlow;
import dev.lambdadeploy.bench.report.Stats;
import dev.lambdadeploy.bench.sim.CodeZips;
import dev.lambdadeploy.bench.sim.JournalStats;
import dev.lambdadeploy.bench.sim.ScaledTime;
import dev.lambdadeploy.bench.sim.SdkClients;
import dev.lambdadeploy.engine.LambdaDeployer;
import dev.lambdadeploy.engine.aws.QuotaLimiter;
import dev.lambdadeploy.engine.log.DeployLog;
import dev.lambdadeploy.engine.wait.InMemoryWaitHistory;
import dev.lambdadeploy.engine.wait.Sleeper;
import dev.lambdadeploy.engine.wait.WaitPolicy;
import dev.lambdadeploy.simulator.LambdaSimulator;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;

/**
 * Part 2: N functions deployed at once, each by its own thread (update, wait, publish), in real time with
 * quotas on. Every batch gets fresh clients (so the SDK's retry circuit breaker starts full) on the shared
 * connection pool; the engine's quota limiter is the process-wide one, as in production.
 */
final class ParallelBench {

    /** Time for the simulator's 15-request bucket (and the engine's) to refill between batches. */
    private static final Duration SETTLE = Duration.ofSeconds(2);

    record Settings(List<Integer> counts, Duration update, List<String> contenders) {}

    /** Which step of a deploy failed, so the table can say "update" or "wait+publish". */
    static final class StepFailed extends Exception {
        private static final long serialVersionUID = 1L;

        StepFailed(String step, Throwable cause) {
            super(step + ": " + cause.getClass().getSimpleName(), cause);
        }
    }

    record Row(
            String key,
            String label,
            int n,
            Duration wall,
            Duration bound,
            Duration medianDeploy,
            JournalStats journal,
            long failures,
            List<String> errors) {

        double wallOverBound() {
            return wall.toNanos() / (double) bound.toNanos();
        }
    }

    private final SdkClients clients;
    private final Settings settings;
    private final PrintStream progress;

    ParallelBench(SdkClients clients, Settings settings, PrintStream progress) {
        this.clients = clients;
        this.settings = settings;
        this.progress = progress;
    }

    /** Every non-GetFunction call (one update, one publish per deploy) shares 15 requests/s. */
    static Duration quotaBound(int n, Duration update) {
        return Duration.ofNanos(Math.round(2.0 * n / QuotaLimiter.OTHER_CALLS_PER_SECOND * 1e9))
                .plus(update);
    }

    List<Row> run() throws InterruptedException {
        try (LambdaSimulator sim = LambdaSimulator.builder()
                .port(0)
                .quotas(true)
                .defaultCreateDuration(Duration.ZERO)
                .defaultUpdateDuration(settings.update())
                .start()) {
            Map<String, Function<LambdaSimulator, Contender>> factories = Map.of(
                    "engine",
                            s -> new EngineFlow(
                                    LambdaDeployer.create(clients.engine(s, null, null), DeployLog.silent()),
                                    EngineFlow.adaptive()),
                    "history",
                            s -> new HistoryEngineFlow(
                                    LambdaDeployer.create(
                                            clients.engine(s, null, null),
                                            DeployLog.silent(),
                                            new InMemoryWaitHistory()),
                                    WaitPolicy.DEFAULT_MAX_WAIT_ATTEMPTS,
                                    false),
                    "spec",
                            s -> new SpecFlow(
                                    clients.plain(s, AwsRetryStrategy.standardRetryStrategy()), Sleeper.system()),
                    "sdk",
                            s -> new SdkWaiterFlow(
                                    clients.plain(s, AwsRetryStrategy.standardRetryStrategy()), ScaledTime.realTime()));
            for (String key : settings.contenders()) {
                runBatch(sim, factories.get(key).apply(sim), 3, "warmup");
            }
            List<Row> rows = new ArrayList<>();
            for (int n : settings.counts()) {
                for (String key : settings.contenders()) {
                    Row row = runBatch(sim, factories.get(key).apply(sim), n, "p2");
                    rows.add(row);
                    progress.printf(
                            "  part 2: %-45s N=%3d: %.1f s (bound %.1f s), %d failed, %d x 429%n",
                            row.label(),
                            n,
                            row.wall().toNanos() / 1e9,
                            row.bound().toNanos() / 1e9,
                            row.failures(),
                            row.journal().throttles());
                }
            }
            return rows;
        }
    }

    private static void deploy(Contender contender, String function, byte[] zip)
            throws StepFailed, InterruptedException {
        if (contender.updatesItself()) {
            try {
                contender.deploy(function, zip);
                return;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                throw new StepFailed("deploy", e);
            }
        }
        String sha;
        try {
            sha = contender.update(function, zip);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new StepFailed("update", e);
        }
        try {
            contender.awaitAndPublish(function, sha);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new StepFailed("wait+publish", e);
        }
    }

    private Row runBatch(LambdaSimulator sim, Contender contender, int n, String prefix) throws InterruptedException {
        List<String> names = new ArrayList<>();
        List<byte[]> zips = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = String.format("%s-%s-n%d-%03d", prefix, contender.key(), n, i);
            sim.control().createFunction(name, Duration.ZERO);
            names.add(name);
            zips.add(CodeZips.forLabel(name));
        }
        Thread.sleep(SETTLE.toMillis());
        AtomicLongArray finished = new AtomicLongArray(n);
        Batch.Result result = Batch.run(n, 600, i -> {
            try {
                deploy(contender, names.get(i), zips.get(i));
            } finally {
                finished.set(i, System.nanoTime());
            }
        });
        List<Double> perDeploy = new ArrayList<>();
        long last = result.released();
        for (int i = 0; i < n; i++) {
            last = Math.max(last, finished.get(i));
            perDeploy.add((finished.get(i) - result.released()) / 1e9);
        }
        Map<String, JournalStats> journal =
                JournalStats.byFunction(sim.journal().entries());
        sim.journal().clear();
        JournalStats total = names.stream()
                .map(nm -> journal.getOrDefault(nm, JournalStats.NONE))
                .reduce(JournalStats.NONE, JournalStats::plus);
        long unpublished = names.stream()
                .filter(nm -> sim.control().inspect(nm).versions().isEmpty())
                .count();
        List<String> errors = result.errors().stream()
                .filter(e -> e != null)
                .collect(Collectors.groupingBy(e -> e, TreeMap::new, Collectors.counting()))
                .entrySet()
                .stream()
                .map(e -> e.getValue() + " x " + e.getKey())
                .toList();
        double median = Stats.median(perDeploy).orElse(Double.NaN);
        return new Row(
                contender.key(),
                contender.label(),
                n,
                Duration.ofNanos(last - result.released()),
                quotaBound(n, settings.update()),
                Duration.ofNanos(Math.round(median * 1e9)),
                total,
                Math.max(result.failures(), unpublished),
                errors);
    }
}
