package dev.lambdadeploy.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdadeploy.engine.AliasRequest;
import dev.lambdadeploy.engine.AliasResult;
import dev.lambdadeploy.engine.AliasRolledBackException;
import dev.lambdadeploy.simulator.AliasChange;
import dev.lambdadeploy.simulator.AliasView;
import dev.lambdadeploy.simulator.Fault;
import dev.lambdadeploy.simulator.SimulatorControl;
import dev.lambdadeploy.simulator.SimulatorCredentials;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Over random alarm schedules and faults (429 and 5xx on UpdateAlias, GetAlias and DescribeAlarms): at every moment
 * the alias routes only to the previous or the new version, and after the operation to exactly one of them, the one
 * reported.
 */
class AliasShiftPropertiesTest {

    record Faults(int updateThrottle, int update500, int getAlias500, int describeThrottle, int describe500) {}

    record Scenario(String plan, int alarmAtSeconds, boolean alarmFires, Faults faults, boolean unstable) {}

    @Property(tries = 40)
    void theAliasOnlyEverRoutesToThePreviousOrTheNewVersion(@ForAll("scenarios") Scenario s)
            throws InterruptedException {
        // SDK retries off: the SDK would honour each 429's Retry-After with a real sleep
        try (SimulatedLambda aws = new SimulatedLambda(
                SimulatorCredentials.ACCESS_KEY_ID, SimulatorCredentials.SECRET_ACCESS_KEY, false)) {
            AliasShiftTest.twoVersionsAndAlias(aws);
            if (s.alarmFires()) {
                aws.simulator
                        .control()
                        .alarmStateAt(
                                "errors", Duration.ofSeconds(s.alarmAtSeconds()), "ALARM", "scripted by the property");
            }
            inject(aws.simulator.control(), s.faults());

            AliasResult result;
            try {
                result = AliasShiftTest.deployer(aws)
                        .updateAlias(AliasShiftTest.shift(s.plan())
                                .onAlarm(s.unstable() ? AliasRequest.OnAlarm.UNSTABLE : AliasRequest.OnAlarm.FAIL)
                                .build());
            } catch (AliasRolledBackException e) {
                assertThat(s.unstable()).isFalse();
                result = e.result();
            }

            List<AliasChange> history = aws.simulator.control().aliasHistory(FN());
            AliasShiftTest.onlyEverBetweenOneAndTwo(history);
            AliasView now = aws.simulator.control().aliases(FN()).get(0);
            assertThat(now.additionalVersionWeights())
                    .as("weights after the operation")
                    .isEmpty();
            assertThat(now.functionVersion()).isEqualTo(result.aliasVersion());
            assertThat(result.aliasVersion()).isEqualTo(result.rolledBack() ? "1" : "2");
            if (!s.alarmFires()) {
                assertThat(result.rolledBack()).isFalse();
            }
        }
    }

    private static String FN() {
        return AliasShiftTest.FN;
    }

    private static void inject(SimulatorControl control, Faults f) {
        if (f.updateThrottle() > 0) {
            control.inject("UpdateAlias", Fault.throttle(f.updateThrottle()));
        }
        if (f.update500() > 0) {
            control.inject("UpdateAlias", Fault.status(500, "ServiceException", f.update500()));
        }
        if (f.getAlias500() > 0) {
            control.inject("GetAlias", Fault.status(500, "ServiceException", f.getAlias500()));
        }
        if (f.describeThrottle() > 0) {
            control.inject("DescribeAlarms", Fault.throttle(f.describeThrottle()));
        }
        if (f.describe500() > 0) {
            control.inject("DescribeAlarms", Fault.status(500, "InternalFailure", f.describe500()));
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Faults> faults = Combinators.combine(
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(0, 3))
                .as(Faults::new);
        return Combinators.combine(
                        Arbitraries.of("10%:1m,50%:2m", "Canary10Percent5Minutes", "Linear25PercentEvery1Minute"),
                        Arbitraries.integers().between(0, 420),
                        Arbitraries.of(true, false),
                        faults,
                        Arbitraries.of(true, false))
                .as(Scenario::new);
    }
}
