package dev.lambdadeploy.engine;

/**
 * What a step does once its readiness wait is over. It decides what a wait that never saw the function means (a
 * publish goes ahead, pinned, as after a timeout; anything else stops) and how the wait's lines are worded.
 */
public enum AfterWait {

    /** A version is published next: "ready for version publishing". */
    PUBLISH,

    /** Nothing is published next (lambdaAwaitReady, an update that waits): "ready". */
    CONTINUE
}
