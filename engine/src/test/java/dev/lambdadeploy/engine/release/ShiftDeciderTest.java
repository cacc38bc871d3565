package dev.lambdadeploy.engine.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ShiftDeciderTest {

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration POLL = Duration.ofSeconds(30);
    private final ShiftState fresh = ShiftState.start("live", "8", "7", START);

    @Test
    void aCanaryRoutesItsWeightHoldsThenCompletes() {
        ShiftDecider decider = new ShiftDecider(ShiftPlan.parse("Canary10Percent5Minutes", "shift"), POLL);

        ShiftDecision first = decider.decide(fresh, AlarmsSeen.none(), START);
        assertThat(first).isInstanceOf(ShiftDecision.Route.class);
        ShiftDecision.Route route = (ShiftDecision.Route) first;
        assertThat(route.weight()).isEqualTo(0.10);
        assertThat(route.next().nextStepAt()).isEqualTo(START.plus(Duration.ofMinutes(5)));

        assertThat(decider.decide(route.next(), AlarmsSeen.none(), START.plusSeconds(10)))
                .isEqualTo(new ShiftDecision.Hold(POLL, route.next()));
        assertThat(decider.decide(
                        route.next(),
                        AlarmsSeen.none(),
                        START.plus(Duration.ofMinutes(5)).minusSeconds(5)))
                .isEqualTo(new ShiftDecision.Hold(Duration.ofSeconds(5), route.next()));
        assertThat(decider.decide(route.next(), AlarmsSeen.none(), START.plus(Duration.ofMinutes(5))))
                .isEqualTo(new ShiftDecision.Complete());
    }

    @Test
    void anAlarmRollsBackAtOnceSayingWhichAndSinceWhen() {
        ShiftDecider decider = new ShiftDecider(ShiftPlan.parse("Linear10PercentEvery1Minute", "shift"), POLL);
        ShiftState second = ((ShiftDecision.Route) decider.decide(fresh, AlarmsSeen.none(), START)).next();
        Instant fired = START.plusSeconds(42);

        ShiftDecision decision = decider.decide(
                second,
                new AlarmsSeen.Read(List.of(new AlarmsSeen.Firing("orders-api-errors", fired))),
                START.plusSeconds(45));

        assertThat(decision)
                .isEqualTo(
                        new ShiftDecision.RollBack("alarm orders-api-errors is in ALARM", "orders-api-errors", fired));
    }

    @Test
    void unreadableAlarmsHoldADueStepThenRollBackPastTheBlindLimit() {
        ShiftDecider decider = new ShiftDecider(ShiftPlan.parse("Canary10Percent5Minutes", "shift"), POLL);
        ShiftState holding = ((ShiftDecision.Route) decider.decide(fresh, AlarmsSeen.none(), START)).next();
        Instant due = holding.nextStepAt();
        AlarmsSeen throttled = new AlarmsSeen.Unreadable("Throttling");

        assertThat(decider.decide(holding, throttled, due.plusSeconds(1)))
                .isEqualTo(new ShiftDecision.Hold(POLL, holding));
        assertThat(decider.decide(
                        holding, throttled, due.plus(ShiftDecider.BLIND_LIMIT).plusSeconds(1)))
                .isEqualTo(new ShiftDecision.RollBack(
                        "the alarms could not be read for 5 minutes (Throttling)", null, due));
    }

    @Test
    void alarmsNeverReadableRollBackEvenBeforeTheFirstStep() {
        ShiftDecider decider = new ShiftDecider(ShiftPlan.parse("AllAtOnce", "shift"), POLL);
        AlarmsSeen denied = new AlarmsSeen.Unreadable("AccessDenied");

        assertThat(decider.decide(fresh, denied, START.plus(ShiftDecider.BLIND_LIMIT)))
                .isEqualTo(new ShiftDecision.Hold(POLL, fresh));
        assertThat(decider.decide(
                        fresh, denied, START.plus(ShiftDecider.BLIND_LIMIT).plusSeconds(1)))
                .isInstanceOf(ShiftDecision.RollBack.class);
    }

    @Test
    void allAtOnceCompletesAtOnce() {
        ShiftDecider decider = new ShiftDecider(ShiftPlan.parse("AllAtOnce", "shift"), POLL);

        assertThat(decider.decide(fresh, AlarmsSeen.none(), START)).isEqualTo(new ShiftDecision.Complete());
    }

    /**
     * Driven to its end through random alarm readings, a shift only ever routes growing weights below 1, never
     * moves on unread alarms, and ends in exactly one of Complete or RollBack, within the plan's duration plus a blind
     * limit and a poll per step; an alarm seen firing always rolls back.
     */
    @Property(tries = 200)
    void aShiftAlwaysEndsInOneOfTheTwoVersions(
            @ForAll @IntRange(min = 0, max = 8) int preset, @ForAll("readings") List<Integer> readings) {
        ShiftPlan plan = ShiftPlan.parse(ShiftPlan.PRESETS.get(preset), "shift");
        ShiftDecider decider = new ShiftDecider(plan, POLL);
        ShiftState state = fresh;
        Instant now = START;
        double weight = 0;
        List<Double> routed = new ArrayList<>();
        for (int i = 0; ; i++) {
            int reading = readings.isEmpty() ? 0 : readings.get(i % readings.size());
            AlarmsSeen seen = switch (reading) {
                case 1 -> new AlarmsSeen.Unreadable("Throttling");
                case 2 -> i > 3 ? new AlarmsSeen.Read(List.of(new AlarmsSeen.Firing("a", now))) : AlarmsSeen.none();
                default -> AlarmsSeen.none();
            };
            ShiftDecision decision = decider.decide(state, seen, now);
            if (seen instanceof AlarmsSeen.Read read && !read.firing().isEmpty()) {
                assertThat(decision).isInstanceOf(ShiftDecision.RollBack.class);
            }
            if (decision instanceof ShiftDecision.Route route) {
                assertThat(seen).isInstanceOf(AlarmsSeen.Read.class);
                assertThat(route.weight()).isGreaterThan(weight).isLessThan(1);
                weight = route.weight();
                routed.add(weight);
                state = route.next();
            } else if (decision instanceof ShiftDecision.Hold hold) {
                assertThat(hold.delay()).isPositive().isLessThanOrEqualTo(POLL);
                now = now.plus(hold.delay());
            } else {
                assertThat(decision).isInstanceOfAny(ShiftDecision.Complete.class, ShiftDecision.RollBack.class);
                if (decision instanceof ShiftDecision.Complete) {
                    assertThat(routed).hasSize(plan.steps().size());
                }
                break;
            }
            assertThat(Duration.between(START, now))
                    .isLessThanOrEqualTo(plan.duration()
                            .plus(ShiftDecider.BLIND_LIMIT
                                    .plus(POLL)
                                    .multipliedBy(plan.steps().size() + 1)));
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<List<Integer>> readings() {
        return net.jqwik.api.Arbitraries.integers().between(0, 2).list().ofMaxSize(40);
    }
}
