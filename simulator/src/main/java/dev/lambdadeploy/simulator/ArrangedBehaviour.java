package dev.lambdadeploy.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the {@link SimulatorControl} arranged for one function name: how long its updates take, a failure armed
 * for its next update (or creation), and scripted answers for its next reads.
 */
final class ArrangedBehaviour {
    private Duration updateDuration;
    private @Nullable Duration configurationUpdateDuration;
    private @Nullable Failure armedFailure;
    private final Deque<StateSnapshot> scriptedAnswers = new ArrayDeque<>();

    ArrangedBehaviour(Duration defaultUpdateDuration) {
        this.updateDuration = defaultUpdateDuration;
    }

    synchronized Duration updateDuration() {
        return updateDuration;
    }

    synchronized void updateDuration(Duration d) {
        updateDuration = d;
    }

    /** How long an UpdateFunctionConfiguration takes: its own duration if one was set, else the update duration. */
    synchronized Duration configurationUpdateDuration() {
        return configurationUpdateDuration == null ? updateDuration : configurationUpdateDuration;
    }

    synchronized void configurationUpdateDuration(Duration d) {
        configurationUpdateDuration = d;
    }

    synchronized void armFailure(Failure f) {
        armedFailure = f;
    }

    /** The armed failure, disarmed by this call. */
    synchronized @Nullable Failure takeArmedFailure() {
        Failure f = armedFailure;
        armedFailure = null;
        return f;
    }

    synchronized void scriptAnswers(List<StateSnapshot> snapshots) {
        scriptedAnswers.clear();
        scriptedAnswers.addAll(snapshots);
    }

    /** The answer for the next read of $LATEST, used up by this call; null once the script has run out. */
    synchronized @Nullable StateSnapshot nextScriptedAnswer() {
        return scriptedAnswers.pollFirst();
    }
}
