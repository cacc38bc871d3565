package dev.lambdadeploy.engine.wait;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A function's recorded update durations carried to where its deploy runs, away from the history they come from (a
 * Jenkins freestyle build step whose calls run on an agent, while the history is kept on the controller), and what
 * that deploy records, carried back to be kept there ({@link #keepIn}). Plain values, serializable, no secrets; the
 * same bounds as every history.
 */
public final class CarriedWaitHistory implements WaitHistory, Serializable {

    private static final long serialVersionUID = 1L;

    /** One recorded duration and whose it is. */
    public record Recorded(WaitKey key, Duration took, Instant at) implements Serializable {

        private static final long serialVersionUID = 1L;

        public Recorded {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(took, "took");
            Objects.requireNonNull(at, "at");
        }
    }

    private final ArrayList<Recorded> carried;
    private final ArrayList<Recorded> recorded = new ArrayList<>();

    private CarriedWaitHistory(List<Recorded> carried) {
        this.carried = new ArrayList<>(carried);
    }

    /** What {@code home} holds for {@code functionName} at {@code now}, to carry to its deploy. */
    public static CarriedWaitHistory of(WaitHistory home, String functionName, Instant now) {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(functionName, "functionName");
        return new CarriedWaitHistory(home.recordedFor(functionName, Objects.requireNonNull(now, "now")));
    }

    @Override
    public synchronized void record(WaitKey key, Duration took, Instant at) {
        if (key != null && took != null && at != null && !took.isNegative()) {
            recorded.add(new Recorded(key, took, at));
        }
    }

    @Override
    public synchronized List<Duration> recent(WaitKey key, Instant now) {
        List<Recorded> mine = within(now, r -> r.key().equals(key));
        mine.sort(Comparator.comparing(Recorded::at));
        return mine.subList(Math.max(0, mine.size() - MAX_PER_FUNCTION), mine.size()).stream()
                .map(Recorded::took)
                .toList();
    }

    @Override
    public synchronized List<Recorded> recordedFor(String functionName, Instant now) {
        return within(now, r -> r.key().functionName().equals(functionName));
    }

    /** What was carried or recorded here, within {@link #MAX_AGE} before {@code now}, that {@code wanted} accepts. */
    private List<Recorded> within(Instant now, Predicate<Recorded> wanted) {
        Instant oldest = now.minus(MAX_AGE);
        List<Recorded> found = new ArrayList<>();
        for (List<Recorded> list : List.of(carried, recorded)) {
            list.stream().filter(r -> r.at().isAfter(oldest) && wanted.test(r)).forEach(found::add);
        }
        return found;
    }

    /** What the deploy recorded, in order: what {@link #keepIn} adds to the history it came from. */
    public synchronized List<Recorded> recorded() {
        return List.copyOf(recorded);
    }

    /** Records in {@code home} what the deploy recorded here. */
    public void keepIn(WaitHistory home) {
        Objects.requireNonNull(home, "home");
        recorded().forEach(r -> home.record(r.key(), r.took(), r.at()));
    }
}
