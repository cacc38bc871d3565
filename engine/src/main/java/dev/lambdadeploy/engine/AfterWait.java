package dev.lambdadeploy.engine;

/**
 * What a step does once its readiness wait is over. It decides what a wait that never saw the function means (a
 * publish goes ahead, pinned, as after a timeout; anything else stops) and how the wait's lines are worded.
 */
public enum AfterWait {

    /** A version is published next: "ready for version publishing". */
    PUBLISH,

    /** Nothing is published next (lambdaAwaitReady, an update that waits): "ready". */
    CONTINUE,

    /**
     * As {@link #CONTINUE}, but worded as the original script words every wait, "ready for version publishing": the
     * Jenkins plugin's steps keep the script's log even where no publish follows.
     */
    CONTINUE_IN_SCRIPT_WORDS;

    /** Whether a publish follows the wait. */
    public boolean publishes() {
        return this == PUBLISH;
    }

    /** Whether the wait's lines say "for version publishing". */
    public boolean wordedForPublishing() {
        return this != CONTINUE;
    }
}
