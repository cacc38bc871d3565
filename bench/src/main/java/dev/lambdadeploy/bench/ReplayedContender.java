package dev.lambdadeploy.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One way of waiting for an update and publishing, replayed on a {@link FakeClock} against a {@link ReplayedFunction}. */
interface ReplayedContender {

    /** When the first replayed deploy of a function starts; each further one of the same function an hour later. */
    Instant START = Instant.parse("2026-01-01T00:00:00Z");

    Duration BETWEEN_DEPLOYS = Duration.ofHours(1);

    /** The key of the part 1 contender it replays, e.g. {@code engine}. */
    String key();

    String label();

    /** How many earlier deploys of the same function come before each measured one: 1 for a later deploy, else 0. */
    int earlierDeploys();

    /**
     * Deploys the function once per duration in {@code earlier} (oldest first, unmeasured), every call taking
     * {@code roundTrip}; returns the measured deploy that follows them, for any update duration.
     */
    MeasuredDeploy after(List<Duration> earlier, Duration roundTrip) throws InterruptedException;

    /** The measured deploy of a function, after its earlier ones. */
    @FunctionalInterface
    interface MeasuredDeploy {

        /** Deploys an update lasting {@code update}. */
        ReplayedDeploy of(Duration update) throws InterruptedException;
    }
}
