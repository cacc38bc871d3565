package dev.lambdadeploy.simulator;

import java.time.Instant;

/** A numbered, immutable copy of $LATEST; a publish description overrides the function's. */
record PublishedVersion(
        String version,
        FunctionSpec spec,
        String description,
        Instant lastModified,
        String revisionId,
        SimulatedStatus status) {

    PublishedVersion withStatus(SimulatedStatus newStatus) {
        return new PublishedVersion(version, spec, description, lastModified, Formats.newRevisionId(), newStatus);
    }

    /** The configuration the version shows. */
    FunctionSpec shownSpec() {
        return description.isEmpty() ? spec : spec.withDescription(description);
    }
}
