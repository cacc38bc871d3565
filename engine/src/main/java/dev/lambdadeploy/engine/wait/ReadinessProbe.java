package dev.lambdadeploy.engine.wait;

import java.time.Duration;

/** One poll of a function's state. Errors that waiting cannot cure are thrown, not observed. */
@FunctionalInterface
public interface ReadinessProbe {

    Observation probe() throws InterruptedException;

    /**
     * One poll that gives up after {@code timeout} (a call that has not answered by then is observed as
     * unavailable). The default ignores the bound; probes that make network calls honour it.
     */
    default Observation probe(Duration timeout) throws InterruptedException {
        return probe();
    }
}
