package dev.lambdadeploy.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdadeploy.engine.AliasChangedException;
import dev.lambdadeploy.engine.AliasRequest;
import dev.lambdadeploy.engine.AliasResult;
import dev.lambdadeploy.engine.AliasRolledBackException;
import dev.lambdadeploy.engine.CodeSource;
import dev.lambdadeploy.engine.InvalidParameterException;
import dev.lambdadeploy.engine.LambdaDeployer;
import dev.lambdadeploy.engine.PublishVersionRequest;
import dev.lambdadeploy.engine.UpdateCodeRequest;
import dev.lambdadeploy.engine.WaitSettings;
import dev.lambdadeploy.engine.release.ShiftDecision;
import dev.lambdadeploy.engine.release.ShiftState;
import dev.lambdadeploy.engine.wait.WaitPolicyName;
import dev.lambdadeploy.simulator.AliasChange;
import dev.lambdadeploy.simulator.AliasView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pointing and shifting an alias, through the real SDK against the simulator, on a manual clock. */
class AliasShiftTest {

    static final String FN = "alias-fn";
    static final String ALIAS = "live";
    static final WaitSettings WAIT = new WaitSettings(30, Duration.ofSeconds(2), WaitPolicyName.FIXED, false);

    private final SimulatedLambda aws = new SimulatedLambda();

    @AfterEach
    void close() {
        aws.close();
    }

    /** A function with versions 1 and 2 published, and alias live at version 1. */
    static void twoVersionsAndAlias(SimulatedLambda aws) throws InterruptedException {
        aws.simulator.control().createFunction(FN, Duration.ZERO);
        aws.simulator.control().updateDuration(FN, Duration.ZERO);
        LambdaDeployer deployer = aws.deployer();
        for (int i = 1; i <= 2; i++) {
            String published = deployer.deploy(
                            UpdateCodeRequest.builder()
                                    .functionName(FN)
                                    .code(new CodeSource.ZipFile(SimulatedLambda.zip("v" + i), "app.zip"))
                                    .waitSettings(WAIT)
                                    .build(),
                            PublishVersionRequest.builder()
                                    .functionName(FN)
                                    .description("v" + i)
                                    .waitSettings(WAIT)
                                    .build())
                    .version();
            assertThat(published).isEqualTo(String.valueOf(i));
        }
        aws.lambda().createAlias(b -> b.functionName(FN).name(ALIAS).functionVersion("1"));
        aws.simulator.control().createAlarm("errors");
        aws.simulator.control().alarmStateAt("errors", Duration.ZERO, "OK", "fine");
    }

    static LambdaDeployer deployer(SimulatedLambda aws) {
        return aws.deployer().withCloudWatch(aws.session.cloudWatch());
    }

    static AliasRequest.Builder shift(String plan) {
        return AliasRequest.builder()
                .functionName(FN)
                .alias(ALIAS)
                .version("2")
                .shift(plan)
                .alarms(List.of("errors"))
                .alarmPollInterval(Duration.ofSeconds(30));
    }

    /** Every alias state from creation on routes only to versions 1 and 2, with weights only to 2. */
    static void onlyEverBetweenOneAndTwo(List<AliasChange> history) {
        assertThat(history).isNotEmpty();
        for (AliasChange change : history) {
            AliasView view = change.alias();
            assertThat(view).as("alias at %s", change.at()).isNotNull();
            assertThat(view.functionVersion()).as("alias at %s", change.at()).isIn("1", "2");
            if (!view.additionalVersionWeights().isEmpty()) {
                assertThat(view.functionVersion()).isEqualTo("1");
                assertThat(view.additionalVersionWeights().keySet()).containsOnly("2");
            }
        }
    }

    @Test
    void aShiftWithQuietAlarmsCompletes() throws InterruptedException {
        twoVersionsAndAlias(aws);

        AliasResult result = deployer(aws).updateAlias(shift("10%:1m,50%:2m").build());

        assertThat(result.aliasVersion()).isEqualTo("2");
        assertThat(result.previousVersion()).isEqualTo("1");
        assertThat(result.rolledBack()).isFalse();
        assertThat(result.warning()).isNull();
        List<AliasChange> history = aws.simulator.control().aliasHistory(FN);
        onlyEverBetweenOneAndTwo(history);
        assertThat(history.stream()
                        .map(c -> c.alias().additionalVersionWeights().getOrDefault("2", 0.0))
                        .toList())
                .containsExactly(0.0, 0.1, 0.5, 0.0);
        assertThat(history.get(history.size() - 1).alias().functionVersion()).isEqualTo("2");
        // the holds were respected: 1 minute at 10 %, 2 minutes at 50 %
        assertThat(Duration.between(history.get(1).at(), history.get(2).at()))
                .isGreaterThanOrEqualTo(Duration.ofMinutes(1));
        assertThat(Duration.between(history.get(2).at(), history.get(3).at()))
                .isGreaterThanOrEqualTo(Duration.ofMinutes(2));
        assertThat(aws.simulator.control().aliases(FN))
                .singleElement()
                .satisfies(a -> assertThat(a.additionalVersionWeights()).isEmpty());
    }

    @Test
    void anAlarmMidShiftRollsBackToThePreviousVersion() throws InterruptedException {
        twoVersionsAndAlias(aws);
        aws.simulator.control().alarmStateAt("errors", Duration.ofSeconds(90), "ALARM", "5xx above 1 %");

        assertThatThrownBy(
                        () -> deployer(aws).updateAlias(shift("10%:1m,50%:2m").build()))
                .isInstanceOfSatisfying(AliasRolledBackException.class, e -> {
                    assertThat(e.alarm()).isEqualTo("errors");
                    assertThat(e.getMessage()).contains("alarm errors fired at");
                    assertThat(e.result().aliasVersion()).isEqualTo("1");
                    assertThat(e.result().rolledBack()).isTrue();
                });

        List<AliasChange> history = aws.simulator.control().aliasHistory(FN);
        onlyEverBetweenOneAndTwo(history);
        AliasView last = history.get(history.size() - 1).alias();
        assertThat(last.functionVersion()).isEqualTo("1");
        assertThat(last.additionalVersionWeights()).isEmpty();
        assertThat(aws.log.specLines()).anyMatch(l -> l.contains("Rolling back alias live"));
    }

    @Test
    void underOnAlarmUnstableARollbackIsAWarning() throws InterruptedException {
        twoVersionsAndAlias(aws);
        aws.simulator.control().alarmStateAt("errors", Duration.ofSeconds(30), "ALARM", "5xx above 1 %");

        AliasResult result = deployer(aws)
                .updateAlias(shift("Canary10Percent5Minutes")
                        .onAlarm(AliasRequest.OnAlarm.UNSTABLE)
                        .build());

        assertThat(result.rolledBack()).isTrue();
        assertThat(result.aliasVersion()).isEqualTo("1");
        assertThat(result.rollbackAlarm()).isEqualTo("errors");
        assertThat(result.warning()).contains("alarm errors fired");
    }

    @Test
    void aStaleAliasRevisionIdIsRefused() throws InterruptedException {
        twoVersionsAndAlias(aws);

        assertThatThrownBy(() -> deployer(aws)
                        .updateAlias(AliasRequest.builder()
                                .functionName(FN)
                                .alias(ALIAS)
                                .version("2")
                                .aliasRevisionId("00000000-0000-0000-0000-000000000000")
                                .build()))
                .isInstanceOf(AliasChangedException.class)
                .hasMessageContaining("no longer at RevisionId");
        assertThat(aws.simulator.control().aliases(FN).get(0).functionVersion()).isEqualTo("1");
    }

    @Test
    void pointingAtOnceReportsThePreviousTarget() throws InterruptedException {
        twoVersionsAndAlias(aws);

        AliasResult result = deployer(aws)
                .updateAlias(AliasRequest.builder()
                        .functionName(FN)
                        .alias(ALIAS)
                        .version("2")
                        .build());

        assertThat(result.aliasVersion()).isEqualTo("2");
        assertThat(result.previousVersion()).isEqualTo("1");
        assertThat(result.created()).isFalse();
        assertThat(AliasResult.fromMap(result.toMap())).isEqualTo(result);
    }

    @Test
    void aMissingAliasIsCreatedOnlyWhenAsked() throws InterruptedException {
        twoVersionsAndAlias(aws);
        AliasRequest.Builder request =
                AliasRequest.builder().functionName(FN).alias("beta").version("2");

        assertThatThrownBy(() -> deployer(aws).updateAlias(request.build()))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("createIfMissing");

        AliasResult created =
                deployer(aws).updateAlias(request.createIfMissing(true).build());
        assertThat(created.created()).isTrue();
        assertThat(created.aliasVersion()).isEqualTo("2");
    }

    @Test
    void latestWithAShiftIsRefusedBeforeAnyCall() {
        assertThatThrownBy(() ->
                        shift("Canary10Percent5Minutes").version("$LATEST").build())
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("$LATEST");
        assertThat(aws.simulator.journal().entries()).isEmpty();
    }

    @Test
    void anAbortMidShiftRestoresThePreviousVersion() throws InterruptedException {
        twoVersionsAndAlias(aws);
        AtomicInteger sleeps = new AtomicInteger();
        aws.sleeper = d -> {
            if (sleeps.incrementAndGet() == 2) {
                throw new InterruptedException("aborted");
            }
            aws.clock.advance(d);
        };

        assertThatThrownBy(
                        () -> deployer(aws).updateAlias(shift("10%:1m,50%:2m").build()))
                .isInstanceOf(InterruptedException.class);

        AliasView now = aws.simulator.control().aliases(FN).get(0);
        assertThat(now.functionVersion()).isEqualTo("1");
        assertThat(now.additionalVersionWeights()).isEmpty();
        assertThat(aws.log.specLines()).anyMatch(l -> l.contains("Aborted during the shift of alias live"));
    }

    @Test
    void theStepWiseApiDrivesAShiftAcrossRestarts() throws InterruptedException {
        twoVersionsAndAlias(aws);
        AliasRequest request = shift("10%:1m").build();

        ShiftState state = deployer(aws).startShift(request);
        assertThat(state)
                .isEqualTo(
                        new ShiftState(ALIAS, "2", "1", -1, aws.clock.instant().toEpochMilli()));
        ShiftDecision first = deployer(aws).nextShiftDecision(request, state, aws.clock.instant());
        assertThat(first).isInstanceOf(ShiftDecision.Route.class);
        // a "restart": a new deployer goes on from the persisted state
        state = deployer(aws).applyShiftDecision(request, state, first);
        assertThat(aws.simulator.control().aliases(FN).get(0).additionalVersionWeights())
                .isEqualTo(Map.of("2", 0.1));
        aws.clock.advance(Duration.ofMinutes(1));
        ShiftDecision done = deployer(aws).nextShiftDecision(request, state, aws.clock.instant());
        assertThat(done).isInstanceOf(ShiftDecision.Complete.class);
        state = deployer(aws).applyShiftDecision(request, state, done);
        AliasResult result = deployer(aws).shiftResult(request, state, done);
        assertThat(result.aliasVersion()).isEqualTo("2");
        assertThat(Set.copyOf(aws.simulator
                        .control()
                        .aliases(FN)
                        .get(0)
                        .additionalVersionWeights()
                        .keySet()))
                .isEmpty();
    }

    @Test
    void aCompletingMoveRepeatedAfterARestartFindsItDoneAndChangesNothing() throws InterruptedException {
        twoVersionsAndAlias(aws);
        AliasRequest request = shift("10%:1m").build();
        ShiftState state = deployer(aws).startShift(request);
        state = deployer(aws)
                .applyShiftDecision(
                        request, state, deployer(aws).nextShiftDecision(request, state, aws.clock.instant()));
        aws.clock.advance(Duration.ofMinutes(1));
        ShiftDecision done = deployer(aws).nextShiftDecision(request, state, aws.clock.instant());
        deployer(aws).applyShiftDecision(request, state, done);
        int changes = aws.simulator.control().aliasHistory(FN).size();

        // the state saved before the move: a restart decides Complete again and sends it again
        ShiftDecision again = deployer(aws).nextShiftDecision(request, state, aws.clock.instant());
        assertThat(again).isInstanceOf(ShiftDecision.Complete.class);
        state = deployer(aws).applyShiftDecision(request, state, again);

        assertThat(aws.simulator.control().aliasHistory(FN)).hasSize(changes);
        assertThat(deployer(aws).shiftResult(request, state, again).aliasVersion())
                .isEqualTo("2");
    }
}
