package dev.lambdadeploy.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.State;

class ControlsTest extends SimulatorFixture {

    @Test
    void createFunctionWithoutHttpIsPendingForTheGivenTime() {
        sim.control().createFunction("f", Duration.ofSeconds(5));
        assertThat(config("f").state()).isEqualTo(State.PENDING);
        advanceSeconds(5);
        assertThat(config("f").state()).isEqualTo(State.ACTIVE);
        assertThat(sim.journal().count("CreateFunction")).isZero();
        assertThatThrownBy(() -> sim.control().createFunction("f", Duration.ZERO))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void scriptedStatesAnswerTheNextReadsThenTheModelReturns() {
        sim.control().createFunction("f", Duration.ZERO);
        sim.control()
                .scriptStates(
                        "f",
                        List.of(
                                new StateSnapshot("Pending", null, "Creating", "The function is being created."),
                                StateSnapshot.of("Active", "InProgress"),
                                new StateSnapshot("Active", "Failed", "EFSMountFailure", "Could not mount.")));

        var first = lambda.getFunction(r -> r.functionName("f")).configuration();
        assertThat(first.state()).isEqualTo(State.PENDING);
        assertThat(first.lastUpdateStatus()).isNull();
        assertThat(first.stateReasonCodeAsString()).isEqualTo("Creating");

        assertThat(config("f").lastUpdateStatus()).isEqualTo(LastUpdateStatus.IN_PROGRESS);

        var third = lambda.getFunction(r -> r.functionName("f")).configuration();
        assertThat(third.lastUpdateStatus()).isEqualTo(LastUpdateStatus.FAILED);
        assertThat(third.lastUpdateStatusReasonCodeAsString()).isEqualTo("EFSMountFailure");
        assertThat(third.lastUpdateStatusReason()).isEqualTo("Could not mount.");
        assertThat(third.stateReason()).isNull();

        var modelled = lambda.getFunction(r -> r.functionName("f")).configuration();
        assertThat(modelled.state()).isEqualTo(State.ACTIVE);
        assertThat(modelled.lastUpdateStatus()).isEqualTo(LastUpdateStatus.SUCCESSFUL);
        // scripts shape answers only: the model was never busy
        assertThat(updateCode("f", ZIP_B).lastUpdateStatus()).isEqualTo(LastUpdateStatus.IN_PROGRESS);
    }

    @Test
    void setStateForcesTheModelledState() {
        sim.control().createFunction("f", Duration.ZERO);
        sim.control().setState("f", "Inactive");
        var c = config("f");
        assertThat(c.state()).isEqualTo(State.INACTIVE);
        assertThat(c.stateReasonCodeAsString()).isEqualTo("Idle");
        sim.control().setState("f", "Failed");
        assertThat(sim.control().inspect("f").state()).isEqualTo("Failed");
    }

    @Test
    void anotherActorsUpdateMovesCodeAndRevisionAndBlocksUpdates() {
        sim.control().createFunction("f", Duration.ZERO);
        String revision = config("f").revisionId();
        sim.control().updateDuration("f", Duration.ofSeconds(3));
        byte[] theirs = "someone-else".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        sim.control().updateCodeByAnotherActor("f", theirs);

        FunctionView v = sim.control().inspect("f");
        assertThat(v.codeSha256()).isEqualTo(sha(theirs));
        assertThat(v.revisionId()).isNotEqualTo(revision);
        assertThat(v.lastUpdateStatus()).isEqualTo("InProgress");
        assertThat(v.lastUpdateCompletedAt()).isNull();
        assertThatThrownBy(() -> updateCode("f", ZIP_B)).isInstanceOf(ResourceConflictException.class);
        advanceSeconds(3);
        assertThatThrownBy(() -> lambda.updateFunctionCode(r -> r.functionName("f")
                        .zipFile(software.amazon.awssdk.core.SdkBytes.fromByteArray(ZIP_B))
                        .revisionId(revision)))
                .isInstanceOf(PreconditionFailedException.class);
        assertThat(sim.control().inspect("f").lastUpdateCompletedAt()).isEqualTo(START.plusSeconds(3));
    }

    @Test
    void inspectShowsTheModelNotTheScript() {
        sim.control().createFunction("f", Duration.ofSeconds(1));
        sim.control().scriptStates("f", List.of(StateSnapshot.of("Failed", "Failed")));
        FunctionView v = sim.control().inspect("f");
        assertThat(v.state()).isEqualTo("Pending");
        assertThat(v.updateInProgress()).isTrue();
        assertThat(v.arn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:f");
        assertThatThrownBy(() -> sim.control().inspect("nope")).isInstanceOf(NoSuchElementException.class);
    }
}
