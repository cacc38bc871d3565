package dev.lambdadeploy.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdadeploy.engine.CodeSource;
import dev.lambdadeploy.engine.LambdaDeployException;
import dev.lambdadeploy.engine.LambdaResult;
import dev.lambdadeploy.engine.PublishVersionRequest;
import dev.lambdadeploy.engine.UpdateCodeRequest;
import dev.lambdadeploy.engine.WaitSettings;
import dev.lambdadeploy.engine.wait.WaitPolicyName;
import dev.lambdadeploy.simulator.Fault;
import dev.lambdadeploy.simulator.SimulatorCredentials;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Over random update durations, failed updates, interfering writers and fault sequences: either the version
 * published runs exactly the uploaded code, or nothing is published and the caller is told why; and the
 * deploy never runs past its budget.
 */
class DeployPropertiesTest {

    private static final String FN = "prop-fn";

    record Faults(
            int getFunction500,
            int getFunctionThrottle,
            int getFunctionReset,
            int publish409,
            int publish500,
            int publishThrottle) {}

    record Scenario(
            int updateSeconds,
            boolean failUpdate,
            int interfereAtSleep,
            Faults faults,
            boolean rollback,
            WaitSettings waitSettings,
            int maxRetries) {}

    @Property(tries = 100)
    void publishesOnlyTheUploadedCodeAndStaysWithinBudget(@ForAll("scenarios") Scenario s) throws InterruptedException {
        // SDK retries off: the SDK would honour each 429's Retry-After with a real sleep
        try (SimulatedLambda aws = new SimulatedLambda(
                SimulatorCredentials.ACCESS_KEY_ID, SimulatorCredentials.SECRET_ACCESS_KEY, false)) {
            byte[] code = SimulatedLambda.zip("uploaded " + s);
            String uploaded = SimulatedLambda.sha256(code);
            aws.simulator.control().createFunction(FN, Duration.ZERO);
            aws.simulator.control().updateDuration(FN, Duration.ofSeconds(s.updateSeconds()));
            if (s.failUpdate()) {
                aws.simulator.control().failNextUpdate(FN, "EniLimitExceeded", "ENI limit reached");
            }
            inject(aws, s.faults());
            int[] sleeps = {0};
            aws.sleeper = d -> {
                if (++sleeps[0] == s.interfereAtSleep()) {
                    aws.simulator.control().updateCodeByAnotherActor(FN, SimulatedLambda.zip("interloper"));
                }
                aws.clock.advance(d);
            };
            Instant start = aws.clock.instant();

            LambdaResult result = null;
            LambdaDeployException failure = null;
            try {
                result = aws.deployer()
                        .deploy(
                                UpdateCodeRequest.builder()
                                        .functionName(FN)
                                        .code(new CodeSource.ZipFile(code, "app.zip"))
                                        .waitSettings(s.waitSettings())
                                        .maxRetries(s.maxRetries())
                                        .build(),
                                PublishVersionRequest.builder()
                                        .functionName(FN)
                                        .description("property")
                                        .waitSettings(s.waitSettings())
                                        .maxRetries(s.maxRetries())
                                        .rollback(s.rollback())
                                        .build());
            } catch (LambdaDeployException e) {
                failure = e;
            }

            var versions = aws.simulator.control().inspect(FN).versions();
            if (result != null && result.published()) {
                assertThat(versions)
                        .singleElement()
                        .satisfies(v -> assertThat(v.codeSha256()).isEqualTo(uploaded));
                assertThat(result.codeSha256()).isEqualTo(uploaded);
            } else {
                assertThat(versions).isEmpty();
                if (failure != null) {
                    assertThat(failure.getMessage()).isNotBlank();
                } else {
                    assertThat(s.rollback()).isTrue();
                    assertThat(aws.log.warnings())
                            .contains("⚠️ Rollback function code was updated but version publishing failed");
                }
            }
            Duration budget = s.waitSettings().toPolicy().budget();
            Duration bound = budget.multipliedBy(2 + 2L * s.maxRetries())
                    .plus(Duration.ofSeconds(10).multipliedBy(s.maxRetries()));
            assertThat(Duration.between(start, aws.clock.instant())).isLessThanOrEqualTo(bound);
        }
    }

    private static void inject(SimulatedLambda aws, Faults f) {
        var control = aws.simulator.control();
        if (f.getFunction500() > 0) {
            control.inject("GetFunction", Fault.status(500, "ServiceException", f.getFunction500()));
        }
        if (f.getFunctionThrottle() > 0) {
            control.inject("GetFunction", Fault.throttle(f.getFunctionThrottle()));
        }
        if (f.getFunctionReset() > 0) {
            control.inject("GetFunction", Fault.connectionReset(f.getFunctionReset()));
        }
        if (f.publish409() > 0) {
            control.inject("PublishVersion", Fault.status(409, "ResourceConflictException", f.publish409()));
        }
        if (f.publish500() > 0) {
            control.inject("PublishVersion", Fault.status(500, "ServiceException", f.publish500()));
        }
        if (f.publishThrottle() > 0) {
            control.inject("PublishVersion", Fault.throttle(f.publishThrottle()));
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Integer> small = Arbitraries.integers().between(0, 8);
        Arbitrary<Faults> faults = Combinators.combine(
                        small, small, Arbitraries.integers().between(0, 2), small, small, small)
                .as(Faults::new);
        Arbitrary<WaitSettings> waits = Combinators.combine(
                        Arbitraries.integers().between(1, 40),
                        Arbitraries.integers().between(1, 5),
                        Arbitraries.of(WaitPolicyName.class))
                .as((attempts, seconds, policy) ->
                        new WaitSettings(attempts, Duration.ofSeconds(seconds), policy, false));
        return Combinators.combine(
                        Arbitraries.integers().between(0, 150),
                        Arbitraries.integers().between(0, 9).map(i -> i == 0),
                        Arbitraries.integers().between(0, 40).map(i -> i % 4 == 0 ? i / 4 : 0),
                        faults,
                        Arbitraries.of(true, false),
                        waits,
                        Arbitraries.integers().between(0, 4))
                .as(Scenario::new);
    }
}
