package dev.lambdadeploy.engine.wait;

/** One poll of a function's state. Errors that waiting cannot cure are thrown, not observed. */
@FunctionalInterface
public interface ReadinessProbe {

    Observation probe() throws InterruptedException;
}
