package dev.lambdadeploy.bench;

import dev.lambdadeploy.bench.report.Fmt;
import dev.lambdadeploy.bench.report.Stats;
import dev.lambdadeploy.bench.report.Table;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The three parts' results as tables. */
final class Tables {

    private Tables() {}

    static Table replay(DecisionReplay.Result result) {
        Table.Builder t = Table.builder(
                "replay",
                "0. Wait decisions replayed on a fake clock",
                "Contender",
                "Update",
                "Round trip",
                "Deploys",
                "Failed",
                "Overshoot median (s)",
                "Overshoot p95 (s)",
                "Calls/deploy",
                "GetFunction/deploy");
        for (DecisionReplay.Row r : result.rows()) {
            if (r.swept()) {
                continue;
            }
            List<Double> overshoots = overshoots(r);
            t.keyedRow(
                    r.key(),
                    r.label(),
                    Fmt.duration(r.update()),
                    Fmt.millis(r.roundTrip()),
                    r.deploys().size(),
                    r.deploys().stream().filter(ReplayedDeploy::failed).count(),
                    Fmt.seconds(Stats.median(overshoots)),
                    Fmt.seconds(Stats.percentile(overshoots, 95)),
                    hundredths(callsPerDeploy(r)),
                    hundredths(Stats.mean(r.deploys().stream()
                            .map(ReplayedDeploy::getFunctionCalls)
                            .toList())));
        }
        DecisionReplay.Settings s = result.settings();
        return t.note("The engine's own wait code (its policies, UpdateWaitLearning, ReadinessWaiter, driven as "
                        + "Operations.await drives them) and a model of the SDK waiter, run on a fake clock against a "
                        + "fake Lambda: no machine, no noise, the same numbers on every run. Every call takes the "
                        + "round trip and reaches Lambda halfway through; a GetFunction that reaches it at or after "
                        + "the update's end sees the function ready. "
                        + Fmt.millis(s.roundTrips().get(0))
                        + (s.roundTripMeasured()
                                ? " is the GetFunction round trip part 1 measured (simulated time), "
                                : " stands for the GetFunction round trip part 1 measures (it did not run), ")
                        + Fmt.millis(DecisionReplay.CI_ROUND_TRIP) + " a typical one from a CI runner to AWS.")
                .note("Each row replays one deploy per update duration on an even grid of " + s.gridPoints()
                        + " points over nominal x [0.9, 1.1], part 1's jitter window, so its percentiles are those "
                        + "of the distribution, not of a sample. A later deploy follows one earlier deploy of the "
                        + "same function whose update lasted one of " + s.earlierGridPoints() + " evenly spaced "
                        + "durations of the same window, every pair replayed (" + s.gridPoints() + " x "
                        + s.earlierGridPoints() + " deploys), its history learnt as the engine learns it.")
                .note("Overshoot and calls as in part 1: from the update's end to Lambda's receipt of the publish; "
                        + "calls include the update and the publish. The history policy's first deploy waits as "
                        + "adaptive does, poll for poll, so the two rows tie exactly.")
                .build();
    }

    /**
     * Part 0 across round trips: for each update and round trip, the history policy's later deploy beside the SDK
     * waiter, and its first deploy beside adaptive, as (contender / the other) pairs.
     */
    static Table roundTripSweep(DecisionReplay.Result result) {
        Table.Builder t = Table.builder(
                "replay-sweep",
                "0b. Replayed decisions across round trips (history policy / the contender it is held against)",
                "Update",
                "Round trip",
                "Deploys",
                "Later vs SDK: median (s)",
                "p95 (s)",
                "calls/deploy",
                "First vs adaptive: median (s)",
                "p95 (s)",
                "calls/deploy");
        DecisionReplay.Settings s = result.settings();
        for (Duration update : s.updates()) {
            for (Duration roundTrip : s.allRoundTrips()) {
                var later = row(result, "history-later", update, roundTrip);
                var sdk = row(result, "sdk", update, roundTrip);
                var first = row(result, "history-first", update, roundTrip);
                var adaptive = row(result, "engine", update, roundTrip);
                if (later == null || sdk == null || first == null || adaptive == null) {
                    continue;
                }
                t.row(
                        Fmt.duration(update),
                        Fmt.millis(roundTrip),
                        later.deploys().size(),
                        pair(Stats.median(overshoots(later)), Stats.median(overshoots(sdk))),
                        pair(Stats.percentile(overshoots(later), 95), Stats.percentile(overshoots(sdk), 95)),
                        hundredths(callsPerDeploy(later)) + " / " + hundredths(callsPerDeploy(sdk)),
                        pair(Stats.median(overshoots(first)), Stats.median(overshoots(adaptive))),
                        pair(Stats.percentile(overshoots(first), 95), Stats.percentile(overshoots(adaptive), 95)),
                        hundredths(callsPerDeploy(first)) + " / " + hundredths(callsPerDeploy(adaptive)));
            }
        }
        return t.note("As table 0, at every round trip of the sweep "
                        + s.sweep().stream().map(Fmt::millis).toList()
                        + " besides table 0's; a round trip not in table 0 is replayed on a coarser grid of "
                        + s.sweepGridPoints() + " update durations (x " + s.earlierGridPoints()
                        + " earlier ones for a later deploy). Each cell reads: the history policy / the other.")
                .build();
    }

    private static DecisionReplay.@org.jspecify.annotations.Nullable Row row(
            DecisionReplay.Result result, String key, Duration update, Duration roundTrip) {
        return result.rows().stream()
                .filter(r -> r.key().equals(key)
                        && r.update().equals(update)
                        && r.roundTrip().equals(roundTrip))
                .findFirst()
                .orElse(null);
    }

    private static String pair(OptionalDouble a, OptionalDouble b) {
        return Fmt.seconds(a) + " / " + Fmt.seconds(b);
    }

    static List<Double> overshoots(DecisionReplay.Row r) {
        return r.deploys().stream()
                .filter(d -> !d.failed())
                .map(d -> seconds(d.overshoot()))
                .toList();
    }

    static double callsPerDeploy(DecisionReplay.Row r) {
        return Stats.mean(r.deploys().stream().map(ReplayedDeploy::calls).toList());
    }

    private static String hundredths(double v) {
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }

    static Table waitPolicies(WaitPolicyBench.Result result, double scale, WaitPolicyBench.Settings settings) {
        Table.Builder t = Table.builder(
                "wait-policies",
                "1. Wait policies: detection overshoot per deploy",
                "Contender",
                "Update",
                "Budget",
                "Deploys",
                "Failed",
                "Overshoot median (s)",
                "Overshoot p95 (s)",
                "Median / update",
                "Calls/deploy",
                "GetFunction/deploy",
                "409s",
                "429s");
        for (WaitPolicyBench.Row r : result.rows()) {
            List<Double> overshoots = overshoots(r);
            OptionalDouble median = Stats.median(overshoots);
            t.keyedRow(
                    r.key(),
                    r.label(),
                    Fmt.duration(r.update()),
                    r.budget(),
                    r.trials().size(),
                    r.trials().stream().filter(WaitPolicyBench.Trial::failed).count(),
                    Fmt.seconds(median),
                    Fmt.seconds(Stats.percentile(overshoots, 95)),
                    median.isPresent() ? Fmt.percent(median.getAsDouble() / seconds(r.update())) : "n/a",
                    Fmt.number(round1(Stats.mean(
                            r.trials().stream().map(x -> x.journal().calls()).toList()))),
                    Fmt.number(round1(Stats.mean(r.trials().stream()
                            .map(x -> x.journal().getFunctionCalls())
                            .toList()))),
                    r.trials().stream().mapToInt(x -> x.journal().conflicts()).sum(),
                    r.trials().stream().mapToInt(x -> x.journal().throttles()).sum());
        }
        for (WaitPolicyBench.Row r : result.rows()) {
            String errors = r.trials().stream()
                    .filter(WaitPolicyBench.Trial::failed)
                    .map(x -> x.error() != null ? x.error() : "no version published")
                    .collect(Collectors.groupingBy(e -> e, TreeMap::new, Collectors.counting()))
                    .entrySet()
                    .stream()
                    .map(e -> e.getValue() + " x " + e.getKey())
                    .collect(Collectors.joining(", "));
            if (!errors.isEmpty()) {
                t.note("Failed: " + r.label() + ", " + Fmt.duration(r.update()) + " update: " + errors + ".");
            }
        }
        return t.note("Simulated time runs " + Fmt.number(scale) + "x faster than real time; every contender's sleeps "
                        + "and the simulator's clock and quotas (GetFunction 100/s, other calls 15/s) follow it, so all "
                        + "see the same schedule. Seconds are simulated seconds. A GetFunction round trip took "
                        + Fmt.number(Math.round(result.callLatency().toNanos() / 1e5) / 10.0) + " ms of simulated "
                        + "time (the real round trip x " + Fmt.number(scale) + "), in the range of a call to Lambda.")
                .note("Each update lasts the nominal duration x U(0.9, 1.1), the same " + settings.trials()
                        + " durations (seed " + settings.seed() + ") for every contender; deploys of a row start "
                        + Fmt.seconds(settings.stagger()) + " s apart.")
                .note("Overshoot: from the moment the update finished to the PublishVersion call that succeeded. "
                        + "Calls include the UpdateFunctionCode that starts each deploy and every retry.")
                .note("Budgets: the spec keeps its 60 s (30 x 2 s, then publishes anyway and retries the publish 3 "
                        + "times after 2, 4, 8 s); the engine's contenders run 30 x 2 s (adaptive or history, as "
                        + "labelled) except for 120 s updates, where they get 150 x 2 s = 300 s like the SDK waiter's "
                        + "300 x 1 s.")
                .build();
    }

    static List<Double> overshoots(WaitPolicyBench.Row r) {
        return r.trials().stream()
                .filter(x -> !x.failed())
                .map(x -> seconds(x.overshoot()))
                .toList();
    }

    static Table parallel(List<ParallelBench.Row> rows, ParallelBench.Settings settings) {
        Table.Builder t = Table.builder(
                "parallel",
                "2. Parallel deploys (update, wait, publish), real time",
                "Contender",
                "N",
                "Wall (s)",
                "Quota bound (s)",
                "Wall / bound",
                "Median deploy (s)",
                "Calls",
                "Calls/deploy",
                "429s",
                "409s",
                "Failures",
                "Errors");
        for (ParallelBench.Row r : rows) {
            t.keyedRow(
                    r.key(),
                    r.label(),
                    r.n(),
                    Fmt.seconds(r.wall()),
                    Fmt.seconds(r.bound()),
                    Fmt.ratio(r.wallOverBound()),
                    Fmt.seconds(r.medianDeploy()),
                    r.journal().calls(),
                    Fmt.number(round1(r.journal().calls() / (double) r.n())),
                    r.journal().throttles(),
                    r.journal().conflicts(),
                    r.failures(),
                    r.errors().isEmpty() ? "" : String.join("; ", r.errors()));
        }
        return t.note("Each update takes " + Fmt.duration(settings.update()) + "; quotas on. N threads start at once; "
                        + "wall time runs until the last deploy ends.")
                .note("Quota bound = 2 x N calls (UpdateFunctionCode + PublishVersion share 15 requests/s) / 15 per s "
                        + "+ the update time. Lambda's bucket starts full (a burst of 15), so a run can finish a little "
                        + "under it; a flow whose deploys fail early can finish far under it.")
                .note("The engine keeps within the quotas with its process-wide client-side limiter; the spec's flow "
                        + "and the SDK waiter flow have only the SDK's standard retries (3 attempts), as the AWS CLI "
                        + "and SDK users do.")
                .build();
    }

    static Table process(List<ProcessBench.Row> rows, int runs) {
        Table.Builder t = Table.builder(
                "process",
                "3. One deploy as a whole process (no update delay)",
                "Contender",
                "Case",
                "Runs",
                "Median wall (s)",
                "Min (s)",
                "Max (s)",
                "Calls/deploy",
                "Failures",
                "Note");
        for (ProcessBench.Row r : rows) {
            if (r.skipped() != null) {
                t.keyedRow(r.key(), r.label(), "1 deploy", 0, "n/a", "n/a", "n/a", "n/a", 0, r.skipped());
                continue;
            }
            List<Double> walls = r.walls().stream().map(Tables::seconds).toList();
            t.keyedRow(
                    r.key(),
                    r.label(),
                    "1 deploy",
                    walls.size(),
                    Fmt.seconds(Stats.median(walls)),
                    Fmt.seconds(Stats.percentile(walls, 0)),
                    Fmt.seconds(Stats.percentile(walls, 100)),
                    Fmt.number(round1(Stats.mean(r.calls()))),
                    r.failures(),
                    r.lastError() == null ? "" : r.lastError());
        }
        return t.note("Wall time from process start to exit, median of " + runs + " runs after one untimed warm-up "
                        + "run each; the two alternate. The simulator's updates finish at once, quotas on.")
                .note("The script is bench/scripts/spec-deploy.sh: update-function-code, two get-function calls per "
                        + "poll, sleep 2 between polls, publish-version; each aws call is a new Python process.")
                .build();
    }

    static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
