package dev.lambdadeploy.simulator;

import java.time.Instant;

/** One function configuration as an API answer shows it ($LATEST or a version). */
record ConfigSnapshot(
        String functionName,
        String functionArn,
        String version,
        FunctionSpec spec,
        Instant lastModified,
        String revisionId,
        SimulatedStatus status) {

    ConfigSnapshot withStatus(SimulatedStatus s) {
        return new ConfigSnapshot(functionName, functionArn, version, spec, lastModified, revisionId, s);
    }
}
