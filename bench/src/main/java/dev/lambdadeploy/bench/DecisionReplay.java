package dev.lambdadeploy.bench;

import dev.lambdadeploy.bench.flow.EngineFlow;
import dev.lambdadeploy.bench.flow.HistoryEngineFlow;
import dev.lambdadeploy.engine.WaitSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.jspecify.annotations.Nullable;

/**
 * Part 0: the wait decisions of each contender replayed on a fake clock, with every call taking a fixed round trip:
 * exact and the same on every run and machine, so two contenders that decide alike tie exactly and any difference is
 * one of decisions, not of a loaded machine's scheduling. Each row replays one deploy per duration of an even grid
 * over the update's U(0.9, 1.1) window; a later deploy is replayed after each of an earlier deploy's durations, drawn
 * independently from the same window (the product of the two grids), as part 1 draws them independently. A sweep of
 * round trips ({@link #SWEPT_ROUND_TRIPS}, on a coarser grid) shows whether a verdict holds whatever the round trip.
 */
final class DecisionReplay {

    /** The round trip to replay at when part 1 did not measure one: about what it measures. */
    static final Duration DEFAULT_ROUND_TRIP = Duration.ofMillis(20);

    /** A typical GetFunction round trip from a CI runner to AWS. */
    static final Duration CI_ROUND_TRIP = Duration.ofMillis(100);

    /**
     * The round trips of the sweep: from a runner next to the region to a far one, so that a schedule that wins only
     * at some round trips (a poll that lands just before or after the waiter's second one) shows.
     */
    static final List<Duration> SWEPT_ROUND_TRIPS = List.of(10, 20, 40, 60, 80, 100, 120).stream()
            .map(Duration::ofMillis)
            .toList();

    static final int GRID_POINTS = 2001;
    static final int EARLIER_GRID_POINTS = 11;
    /** The sweep's coarser grid (every 0.1 % of the window), so that part 0 stays within seconds. */
    static final int SWEEP_GRID_POINTS = 201;

    /**
     * @param roundTrips replayed on the fine grid and shown in the replay's table
     * @param roundTripMeasured whether the first round trip is the one part 1 measured (else it stands for it)
     * @param sweep further round trips, replayed on {@code sweepGridPoints} (those in {@code roundTrips} are not
     *     replayed again); the targets are judged at every round trip of both
     */
    record Settings(
            List<Duration> updates,
            List<Duration> roundTrips,
            boolean roundTripMeasured,
            int gridPoints,
            int earlierGridPoints,
            List<Duration> sweep,
            int sweepGridPoints) {

        /** Every round trip replayed, in order. */
        List<Duration> allRoundTrips() {
            return java.util.stream.Stream.concat(roundTrips.stream(), sweep.stream())
                    .distinct()
                    .sorted()
                    .toList();
        }
    }

    /** @param swept whether it is a row of the sweep only (on the coarser grid), not of the replay's table */
    record Row(
            String key,
            String label,
            Duration update,
            Duration roundTrip,
            List<ReplayedDeploy> deploys,
            boolean swept) {}

    record Result(List<Row> rows, Settings settings) {}

    private final Settings settings;

    DecisionReplay(Settings settings) {
        this.settings = settings;
    }

    /**
     * The updates at part 1's measured round trip ({@link #DEFAULT_ROUND_TRIP} when null: part 1 did not run) and at
     * {@link #CI_ROUND_TRIP}.
     */
    static Settings settings(List<Duration> updates, @Nullable Duration measuredRoundTrip) {
        Duration first = measuredRoundTrip != null ? measuredRoundTrip : DEFAULT_ROUND_TRIP;
        List<Duration> roundTrips =
                List.of(first, CI_ROUND_TRIP).stream().distinct().toList();
        return new Settings(
                updates,
                roundTrips,
                measuredRoundTrip != null,
                GRID_POINTS,
                EARLIER_GRID_POINTS,
                SWEPT_ROUND_TRIPS,
                SWEEP_GRID_POINTS);
    }

    Result run() throws InterruptedException {
        List<Row> rows = new ArrayList<>();
        for (Duration update : settings.updates()) {
            List<Duration> earlierGrid = Trials.grid(update, settings.earlierGridPoints());
            for (Duration roundTrip : settings.allRoundTrips()) {
                boolean swept = !settings.roundTrips().contains(roundTrip);
                List<Duration> grid = Trials.grid(update, swept ? settings.sweepGridPoints() : settings.gridPoints());
                for (ReplayedContender contender : contenders(update)) {
                    rows.add(new Row(
                            contender.key(),
                            contender.label(),
                            update,
                            roundTrip,
                            replay(contender, grid, earlierGrid, roundTrip),
                            swept));
                }
            }
        }
        return new Result(rows, settings);
    }

    private static List<ReplayedDeploy> replay(
            ReplayedContender contender, List<Duration> grid, List<Duration> earlierGrid, Duration roundTrip)
            throws InterruptedException {
        if (contender.earlierDeploys() > 1) {
            throw new IllegalArgumentException("replays at most one earlier deploy");
        }
        // each earlier duration is replayed once; every measured deploy after it follows what it taught
        List<ReplayedContender.MeasuredDeploy> measured = new ArrayList<>();
        if (contender.earlierDeploys() == 0) {
            measured.add(contender.after(List.of(), roundTrip));
        } else {
            for (Duration earlier : earlierGrid) {
                measured.add(contender.after(List.of(earlier), roundTrip));
            }
        }
        // every deploy has its own fake clock and function: they run on all cores, in the grid's order
        return grid.parallelStream()
                .flatMap(update -> measured.stream().map(deploy -> replayed(deploy, update)))
                .toList();
    }

    private static ReplayedDeploy replayed(ReplayedContender.MeasuredDeploy deploy, Duration update) {
        try {
            return deploy.of(update);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("replay interrupted");
        }
    }

    /** The contenders of part 1 but the spec's script, with the same budgets. */
    static List<ReplayedContender> contenders(Duration update) {
        WaitSettings adaptive = WaitPolicyBench.engineSettings(update);
        WaitSettings history = HistoryEngineFlow.settings(adaptive.maxWaitAttempts());
        int attempts = adaptive.maxWaitAttempts();
        return List.of(
                new SdkWaiterReplay(),
                new EngineReplay("engine", EngineFlow.label(adaptive), adaptive, false, 0),
                new EngineReplay("history-first", HistoryEngineFlow.label(attempts, false), history, true, 0),
                new EngineReplay("history-later", HistoryEngineFlow.label(attempts, true), history, true, 1));
    }
}
