package io.jenkins.plugins.lambdadeploy;

import dev.lambdadeploy.engine.WaitSettings;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.time.Duration;

/** How a step waits for readiness, as the user configured it; {@link WaitSettings#DEFAULTS} are the spec's. */
public interface WaitParameters {

    int getMaxWaitAttempts();

    /** Seconds between polls (the spec's SLEEP_INTERVAL). */
    int getPollInterval();

    @NonNull
    String getWaitPolicy();

    boolean isFailOnTimeout();

    /** Not validated here: the engine's requests validate and name the first bad parameter. */
    @NonNull
    default WaitSettings waitSettings() {
        return new WaitSettings(getMaxWaitAttempts(), Duration.ofSeconds(getPollInterval()), getWaitPolicy(),
                isFailOnTimeout());
    }
}
