package dev.lambdadeploy.engine;

/**
 * Where a restart-surviving step (the Jenkins plugin's Pipeline steps) is, and what a controller restart there means.
 * The step persists its phase before it changes what may have reached Lambda, so the phase read after a restart is
 * never behind the calls made: a step found {@link #STARTING} has sent nothing that changes the function.
 */
public enum StepPhase {
    /** Validating, reading the code, resolving credentials: nothing sent to Lambda that changes the function. */
    STARTING,
    /**
     * A call that changes the function or an alias (UpdateFunctionCode, PublishVersion, UpdateAlias, DeleteFunction,
     * ...) may be on the wire: whether Lambda received it is unknown.
     */
    CALLING,
    /** Polling for readiness: read-only, with an absolute deadline. */
    WAITING,
    /**
     * Shifting an alias's traffic step by step, from a persisted {@link dev.lambdadeploy.engine.release.ShiftState}:
     * every move sets the alias to where the state says it should be, so a move repeated after a restart changes
     * nothing that the first one did not.
     */
    SHIFTING,
    /**
     * Putting all of an alias's traffic back on the previous version, after an abort or an alarm: saved before the
     * restore, so a restart restores again instead of going on with the shift.
     */
    RESTORING;

    /** What a step found in this phase after a restart does. */
    public enum AfterRestart {
        /** Run the start again: it is read-only and its inputs were persisted (lambdaAwaitReady). */
        START_AGAIN,
        /** Poll again, with the persisted deadline. */
        RESUME_WAIT,
        /** Decide the shift's next move again from the persisted state, reading the alarms first. */
        RESUME_SHIFT,
        /** Put all traffic back on the previous version again, then fail saying the shift did not complete. */
        RESTORE_AND_FAIL,
        /** Fail, saying that nothing was changed and the step should be run again. */
        FAIL_NOTHING_SENT,
        /** Fail, saying that the call may have reached Lambda and how to check. */
        FAIL_CALL_MAY_HAVE_REACHED_LAMBDA
    }

    /**
     * @param startIsRepeatable whether the step kept what it needs to start again after a restart (only a step that
     *     never changes the function, such as lambdaAwaitReady, does)
     */
    public AfterRestart afterRestart(boolean startIsRepeatable) {
        return switch (this) {
            case STARTING -> startIsRepeatable ? AfterRestart.START_AGAIN : AfterRestart.FAIL_NOTHING_SENT;
            case CALLING -> AfterRestart.FAIL_CALL_MAY_HAVE_REACHED_LAMBDA;
            case WAITING -> AfterRestart.RESUME_WAIT;
            case SHIFTING -> AfterRestart.RESUME_SHIFT;
            case RESTORING -> AfterRestart.RESTORE_AND_FAIL;
        };
    }

    /** Whether a safe restart should wait for the step to leave this phase: only when resuming would fail. */
    public boolean blocksRestart(boolean startIsRepeatable) {
        AfterRestart after = afterRestart(startIsRepeatable);
        // a restore is short, and a safe restart had better let it finish than repeat it
        return after == AfterRestart.FAIL_NOTHING_SENT
                || after == AfterRestart.FAIL_CALL_MAY_HAVE_REACHED_LAMBDA
                || after == AfterRestart.RESTORE_AND_FAIL;
    }
}
