package dev.lambdadeploy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdadeploy.engine.StepPhase.AfterRestart;
import org.junit.jupiter.api.Test;

class StepPhaseTest {

    @Test
    void aReadOnlyStepStartsAgainWhenRestartedWhileStarting() {
        assertThat(StepPhase.STARTING.afterRestart(true)).isEqualTo(AfterRestart.START_AGAIN);
        assertThat(StepPhase.STARTING.blocksRestart(true)).isFalse();
    }

    @Test
    void aStepThatKeptNoInputsFailsSayingNothingWasSent() {
        assertThat(StepPhase.STARTING.afterRestart(false)).isEqualTo(AfterRestart.FAIL_NOTHING_SENT);
        assertThat(StepPhase.STARTING.blocksRestart(false)).isTrue();
    }

    @Test
    void aCallOnTheWireIsNeverRepeated() {
        for (boolean repeatable : new boolean[] {true, false}) {
            assertThat(StepPhase.CALLING.afterRestart(repeatable))
                    .isEqualTo(AfterRestart.FAIL_CALL_MAY_HAVE_REACHED_LAMBDA);
            assertThat(StepPhase.CALLING.blocksRestart(repeatable)).isTrue();
        }
    }

    @Test
    void aWaitResumes() {
        for (boolean repeatable : new boolean[] {true, false}) {
            assertThat(StepPhase.WAITING.afterRestart(repeatable)).isEqualTo(AfterRestart.RESUME_WAIT);
            assertThat(StepPhase.WAITING.blocksRestart(repeatable)).isFalse();
        }
    }

    @Test
    void aShiftResumesFromItsPersistedState() {
        for (boolean repeatable : new boolean[] {true, false}) {
            assertThat(StepPhase.SHIFTING.afterRestart(repeatable)).isEqualTo(AfterRestart.RESUME_SHIFT);
            assertThat(StepPhase.SHIFTING.blocksRestart(repeatable)).isFalse();
        }
    }

    @Test
    void aRestoreInterruptedByARestartIsDoneAgainAndTheStepFails() {
        for (boolean repeatable : new boolean[] {true, false}) {
            assertThat(StepPhase.RESTORING.afterRestart(repeatable)).isEqualTo(AfterRestart.RESTORE_AND_FAIL);
            assertThat(StepPhase.RESTORING.blocksRestart(repeatable)).isTrue();
        }
    }
}
