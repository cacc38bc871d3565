package dev.lambdadeploy.engine.wait;

import java.util.Objects;

/** Whose update durations a {@link WaitHistory} keeps: one function in one region. Plain values, no secrets. */
public record WaitKey(String region, String functionName) implements java.io.Serializable {

    public WaitKey {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(functionName, "functionName");
    }
}
