package dev.lambdadeploy.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ServiceException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/** Faults and scripted states from command-line text, and what they do to the calls. */
class ScenarioArgsTest extends SimulatorFixture {

    @Test
    void parsesEveryKindOfFault() {
        assertThat(ScenarioArgs.fault("UpdateFunctionCode:throttle*5"))
                .isEqualTo(new ScenarioArgs.FaultArg("UpdateFunctionCode", Fault.throttle(5)));
        assertThat(ScenarioArgs.fault("PublishVersion:status:500*2"))
                .isEqualTo(new ScenarioArgs.FaultArg("PublishVersion", Fault.status(500, "ServiceException", 2)));
        assertThat(ScenarioArgs.fault("PublishVersion:status:409"))
                .isEqualTo(
                        new ScenarioArgs.FaultArg("PublishVersion", Fault.status(409, "ResourceConflictException", 1)));
        assertThat(ScenarioArgs.fault("GetFunction:status:400:InvalidParameterValueException")
                        .fault())
                .isEqualTo(Fault.status(400, "InvalidParameterValueException", 1));
        assertThat(ScenarioArgs.fault("GetFunction:reset*3").fault()).isEqualTo(Fault.connectionReset(3));
        assertThat(ScenarioArgs.fault("GetFunction:delay:1.5s").fault())
                .isEqualTo(Fault.delay(Duration.ofMillis(1500), 1));
        assertThat(ScenarioArgs.fault("PublishVersion:concurrent-update").fault())
                .isEqualTo(Fault.concurrentUpdate(1));
    }

    @Test
    void badFaultsSayWhatIsWrongAndTheForm() {
        assertThatThrownBy(() -> ScenarioArgs.fault("Publish:throttle"))
                .hasMessageStartingWith(
                        "'Publish' is not an operation of the simulator: give one of CreateAlias, CreateFunction, ")
                .hasMessageContaining("PublishVersion");
        assertThatThrownBy(() -> ScenarioArgs.fault("PublishVersion:explode"))
                .hasMessageStartingWith(
                        "'PublishVersion:explode': 'explode' is not a kind of fault: give OPERATION:KIND");
        assertThatThrownBy(() -> ScenarioArgs.fault("PublishVersion:status:200"))
                .hasMessageContaining("200 is not an error status");
        assertThatThrownBy(() -> ScenarioArgs.fault("PublishVersion:status:418"))
                .hasMessageContaining("give the error type for HTTP 418");
        assertThatThrownBy(() -> ScenarioArgs.fault("GetFunction:delay:soon"))
                .hasMessageContaining("'soon' is not a duration");
        assertThatThrownBy(() -> ScenarioArgs.fault("GetFunction:throttle*0")).hasMessageContaining("1 or more");
        assertThatThrownBy(() -> ScenarioArgs.fault("nonsense")).hasMessageStartingWith("'nonsense' is not a fault");
    }

    @Test
    void parsesScriptedStatesAndFailedUpdates() {
        assertThat(ScenarioArgs.states("f=Pending,active/inprogress,Active/Failed:EniLimitExceeded"))
                .isEqualTo(new ScenarioArgs.StatesArg(
                        "f",
                        List.of(
                                StateSnapshot.of("Pending", null),
                                StateSnapshot.of("Active", "InProgress"),
                                new StateSnapshot(
                                        "Active", "Failed", "EniLimitExceeded", "Scripted: EniLimitExceeded"))));
        assertThatThrownBy(() -> ScenarioArgs.states("f=Busy")).hasMessageContaining("'Busy' is not a State");
        assertThatThrownBy(() -> ScenarioArgs.states("f")).hasMessageContaining("is not a script of states");
        assertThat(ScenarioArgs.failedUpdate("f=InvalidZipFileException:Could not unzip"))
                .isEqualTo(new ScenarioArgs.FailedUpdateArg("f", "InvalidZipFileException", "Could not unzip"));
        assertThat(ScenarioArgs.failedUpdate("f").reasonCode()).isEqualTo("InvalidZipFileException");
    }

    @Test
    void parsedFaultsActOnTheCalls() {
        createActive("f");
        ScenarioArgs.fault("GetFunction:throttle*2").applyTo(sim.control());
        ScenarioArgs.fault("GetFunction:status:503").applyTo(sim.control());

        assertThatThrownBy(() -> lambda.getFunction(r -> r.functionName("f")))
                .isInstanceOf(TooManyRequestsException.class);
        assertThatThrownBy(() -> lambda.getFunction(r -> r.functionName("f")))
                .isInstanceOf(TooManyRequestsException.class);
        assertThatThrownBy(() -> lambda.getFunction(r -> r.functionName("f")))
                .isInstanceOfSatisfying(
                        ServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(503));
        assertThat(lambda.getFunction(r -> r.functionName("f")).configuration().functionName())
                .isEqualTo("f");
    }

    @Test
    void aConcurrentUpdateChangesTheCodeJustBeforeTheCallWhichMeets409ThenAPinnedPublishIsRefused() {
        createActive("f");
        String sha =
                lambda.getFunction(r -> r.functionName("f")).configuration().codeSha256();
        ScenarioArgs.fault("PublishVersion:concurrent-update").applyTo(sim.control());

        assertThatThrownBy(() -> lambda.publishVersion(r -> r.functionName("f").codeSha256(sha)))
                .isInstanceOf(ResourceConflictException.class);
        advanceSeconds(5);
        assertThat(lambda.getFunction(r -> r.functionName("f")).configuration().codeSha256())
                .isNotEqualTo(sha);
        assertThatThrownBy(() -> lambda.publishVersion(r -> r.functionName("f").codeSha256(sha)))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("is different from current CodeSHA256");
    }

    @Test
    void aScriptedFailedUpdateFailsTheNextUpdate() {
        createActive("f");
        ScenarioArgs.failedUpdate("f=InvalidZipFileException:Could not unzip uploaded file")
                .applyTo(sim.control());

        lambda.updateFunctionCode(r -> r.functionName("f").s3Bucket("b").s3Key("k.zip"));
        advanceSeconds(5);

        var config = lambda.getFunction(r -> r.functionName("f")).configuration();
        assertThat(config.lastUpdateStatusAsString()).isEqualTo("Failed");
        assertThat(config.lastUpdateStatusReasonCodeAsString()).isEqualTo("InvalidZipFileException");
        assertThat(config.lastUpdateStatusReason()).isEqualTo("Could not unzip uploaded file");
    }

    @Test
    void theOperationsAreEveryRouteAndDescribeAlarms() {
        java.util.Set<String> served = new java.util.HashSet<>(CloudWatchService.OPERATIONS);
        Route.TABLE.forEach(r -> served.add(r.operation()));
        assertThat(ScenarioArgs.OPERATIONS).containsExactlyInAnyOrderElementsOf(served);
    }

    @Test
    void parsesAlarmScriptsAndTheyActOverTheClock() {
        ScenarioArgs.AlarmArg arg = ScenarioArgs.alarm("errors=ok,ALARM@2m");
        assertThat(arg.name()).isEqualTo("errors");
        assertThat(arg.steps())
                .containsExactly(
                        new ScenarioArgs.AlarmStep(java.time.Duration.ZERO, "OK"),
                        new ScenarioArgs.AlarmStep(java.time.Duration.ofMinutes(2), "ALARM"));
        assertThatThrownBy(() -> ScenarioArgs.alarm("errors=RED"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an alarm state")
                .hasMessageContaining(ScenarioArgs.ALARM_FORM);
        assertThatThrownBy(() -> ScenarioArgs.alarm("errors=OK@soon"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a duration");
        assertThatThrownBy(() -> ScenarioArgs.alarm("errors")).isInstanceOf(IllegalArgumentException.class);

        arg.applyTo(sim.control());
        assertThat(sim.control().alarm("errors").state()).isEqualTo("OK");
        advanceSeconds(120);
        assertThat(sim.control().alarm("errors").state()).isEqualTo("ALARM");
        assertThat(sim.control().alarm("errors").stateReason()).isEqualTo("Scripted: ALARM");
    }
}
