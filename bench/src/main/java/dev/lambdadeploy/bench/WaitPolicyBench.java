package dev.lambdadeploy.bench;

import dev.lambdadeploy.bench.flow.Contender;
import dev.lambdadeploy.bench.flow.EngineFlow;
import dev.lambdadeploy.bench.flow.HistoryEngineFlow;
import dev.lambdadeploy.bench.flow.SdkWaiterFlow;
import dev.lambdadeploy.bench.flow.SpecFlow;
import dev.lambdadeploy.bench.report.Fmt;
import dev.lambdadeploy.bench.sim.CallLatency;
import dev.lambdadeploy.bench.sim.CodeZips;
import dev.lambdadeploy.bench.sim.JournalStats;
import dev.lambdadeploy.bench.sim.ScaledRetry;
import dev.lambdadeploy.bench.sim.ScaledTime;
import dev.lambdadeploy.bench.sim.SdkClients;
import dev.lambdadeploy.engine.LambdaDeployer;
import dev.lambdadeploy.engine.WaitSettings;
import dev.lambdadeploy.engine.aws.AwsCalls;
import dev.lambdadeploy.engine.aws.QuotaLimiter;
import dev.lambdadeploy.engine.log.DeployLog;
import dev.lambdadeploy.engine.wait.InMemoryWaitHistory;
import dev.lambdadeploy.simulator.LambdaSimulator;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Part 1: the three wait policies on the same update schedules, in scaled time with quotas on. Each trial
 * creates a function, sets its update duration, runs the same raw UpdateFunctionCode for everyone, then the
 * contender's wait and publish. Trials of a row run together, started {@code stagger} apart.
 */
final class WaitPolicyBench {

    /** Beyond the engine's default 60 s budget: give it the SDK waiter's 300 s. */
    static final Duration DEFAULT_BUDGET = Duration.ofSeconds(60);

    static final int LONG_UPDATE_ATTEMPTS = 150;
    private static final int WARM_UP_CALLS = 3000;

    record Settings(List<Duration> updates, int trials, long seed, Duration stagger) {}

    /** One deploy; {@code overshoot} is null when nothing was published. */
    record Trial(
            Duration update,
            @Nullable Duration overshoot,
            JournalStats journal,
            @Nullable String error) {

        boolean failed() {
            return error != null || overshoot == null;
        }
    }

    record Row(String key, String label, String budget, Duration update, List<Trial> trials) {}

    /** {@code callLatency}: a GetFunction round trip in simulated time, once everything was warmed up. */
    record Result(List<Row> rows, Duration callLatency) {}

    private final SdkClients clients;
    private final ScaledTime time;
    private final Settings settings;
    private final PrintStream progress;
    private @Nullable LambdaDeployer historyDeployer;

    WaitPolicyBench(SdkClients clients, ScaledTime time, Settings settings, PrintStream progress) {
        this.clients = clients;
        this.time = time;
        this.settings = settings;
        this.progress = progress;
    }

    Result run() throws InterruptedException {
        try (LambdaSimulator sim = LambdaSimulator.builder()
                .port(0)
                .clock(time)
                .quotas(true)
                .defaultCreateDuration(Duration.ZERO)
                .start()) {
            LambdaClient plain = clients.plain(sim, ScaledRetry.standard(time));
            QuotaLimiter limiter = new QuotaLimiter(
                    time, time.sleeper(), QuotaLimiter.GET_FUNCTION_PER_SECOND, QuotaLimiter.OTHER_CALLS_PER_SECOND);
            LambdaClient engineClient = clients.engine(sim, ScaledRetry.standard(time), limiter);
            LambdaDeployer deployer = new LambdaDeployer(
                    engineClient, time, time.sleeper(), DeployLog.silent(), LambdaDeployer.DEFAULT_BACKOFF);
            historyDeployer = new LambdaDeployer(
                    engineClient,
                    time,
                    time.sleeper(),
                    DeployLog.silent(),
                    LambdaDeployer.DEFAULT_BACKOFF,
                    AwsCalls.SLOW_CALL_AFTER,
                    new InMemoryWaitHistory());
            warmUp(sim, plain, engineClient, contenders(plain, deployer, Duration.ofSeconds(1)));
            Duration latency = time.toSimulated(CallLatency.median(plain, "warmup-latency", 200, Duration.ofMillis(5)));
            progress.printf(
                    "  part 1: GetFunction round trip %.1f ms simulated (%.2f ms real)%n",
                    latency.toNanos() / 1e6, time.toReal(latency).toNanos() / 1e6);
            List<Row> rows = new ArrayList<>();
            for (Duration update : settings.updates()) {
                List<Duration> schedule = Trials.jittered(update, settings.trials(), settings.seed());
                for (Contender c : contenders(plain, deployer, update)) {
                    long t0 = System.nanoTime();
                    List<Trial> trials = runRow(sim, plain, c, update, schedule, "p1");
                    rows.add(new Row(c.key(), c.label(), c.budget(), update, trials));
                    progress.printf(
                            "  part 1: %-45s %5s update: %d/%d published, %.1f s%n",
                            c.label(),
                            Fmt.duration(update),
                            trials.stream().filter(t -> !t.failed()).count(),
                            trials.size(),
                            (System.nanoTime() - t0) / 1e9);
                }
            }
            return new Result(rows, latency);
        }
    }

    /** The adaptive engine's settings for an update of about {@code update}: the budget stretched for long ones. */
    static WaitSettings engineSettings(Duration update) {
        return update.compareTo(DEFAULT_BUDGET) < 0
                ? EngineFlow.adaptive()
                : EngineFlow.adaptiveWithAttempts(LONG_UPDATE_ATTEMPTS);
    }

    private List<Contender> contenders(LambdaClient plain, LambdaDeployer deployer, Duration update) {
        WaitSettings engine = engineSettings(update);
        LambdaDeployer withHistory = historyDeployer != null ? historyDeployer : deployer;
        return List.of(
                new SpecFlow(plain, time.sleeper()),
                new SdkWaiterFlow(plain, time),
                new EngineFlow(deployer, engine),
                new HistoryEngineFlow(withHistory, engine.maxWaitAttempts(), false),
                new HistoryEngineFlow(withHistory, engine.maxWaitAttempts(), true));
    }

    /** JIT-compiles client and simulator paths first, so the first measured row is not the slowest. */
    private void warmUp(LambdaSimulator sim, LambdaClient plain, LambdaClient engine, List<Contender> contenders)
            throws InterruptedException {
        sim.control().createFunction("warmup-latency", Duration.ZERO);
        sim.control().quotas(false);
        CallLatency.exercise(plain, "warmup-latency", WARM_UP_CALLS);
        CallLatency.exercise(engine, "warmup-latency", WARM_UP_CALLS);
        sim.control().quotas(true);
        List<Duration> schedule = Trials.jittered(Duration.ofSeconds(1), 8, settings.seed());
        for (int round = 0; round < 3; round++) {
            for (Contender c : contenders) {
                runRow(sim, plain, c, Duration.ofSeconds(1), schedule, "warmup" + round);
            }
        }
    }

    private List<Trial> runRow(
            LambdaSimulator sim,
            LambdaClient setup,
            Contender contender,
            Duration nominal,
            List<Duration> schedule,
            String prefix)
            throws InterruptedException {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < schedule.size(); i++) {
            String name = String.format("%s-%s-%ds-%02d", prefix, contender.key(), nominal.toSeconds(), i);
            sim.control().createFunction(name, Duration.ZERO);
            sim.control().updateDuration(name, schedule.get(i));
            names.add(name);
        }
        if (contender instanceof HistoryEngineFlow h && h.laterDeploy()) {
            // the first deploy of each function, unmeasured: the update lasts another draw of the same jitter
            List<Duration> earlier = Trials.jittered(nominal, schedule.size(), settings.seed() + 1);
            for (int i = 0; i < names.size(); i++) {
                sim.control().updateDuration(names.get(i), earlier.get(i));
            }
            Batch.run(names.size(), time.toReal(Duration.ofMinutes(8)).toSeconds() + 60, i -> {
                time.sleeper().sleep(settings.stagger().multipliedBy(i));
                contender.deploy(names.get(i), CodeZips.forLabel(names.get(i) + "-first"));
            });
            sim.journal().clear();
            for (int i = 0; i < names.size(); i++) {
                sim.control().updateDuration(names.get(i), schedule.get(i));
            }
        }
        Duration longest = schedule.stream().max(Duration::compareTo).orElseThrow();
        long timeout = time.toReal(longest.plus(settings.stagger().multipliedBy(schedule.size()))
                                .plus(Duration.ofMinutes(6)))
                        .toSeconds()
                + 60;
        Batch.Result result = Batch.run(names.size(), timeout, i -> {
            time.sleeper().sleep(settings.stagger().multipliedBy(i));
            String name = names.get(i);
            if (contender.updatesItself()) {
                contender.deploy(name, CodeZips.forLabel(name));
                return;
            }
            String sha = setup.updateFunctionCode(
                            b -> b.functionName(name).zipFile(SdkBytes.fromByteArray(CodeZips.forLabel(name))))
                    .codeSha256();
            contender.awaitAndPublish(name, sha);
        });
        Map<String, JournalStats> journal =
                JournalStats.byFunction(sim.journal().entries());
        sim.journal().clear();
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            JournalStats stats = journal.getOrDefault(names.get(i), JournalStats.NONE);
            Instant ready = sim.control().inspect(names.get(i)).lastUpdateCompletedAt();
            Duration overshoot = ready != null && stats.firstPublish() != null
                    ? Duration.between(ready, stats.firstPublish())
                    : null;
            trials.add(
                    new Trial(schedule.get(i), overshoot, stats, result.errors().get(i)));
        }
        return trials;
    }
}
