package dev.lambdadeploy.simulator;

import java.util.Map;

/**
 * One alias as the simulator models it: the version it points at, the one additional version it sends a weighted
 * share of traffic to (empty map when none), and its RevisionId.
 */
public record AliasView(
        String name, String functionVersion, Map<String, Double> additionalVersionWeights, String revisionId) {

    public AliasView {
        additionalVersionWeights = Map.copyOf(additionalVersionWeights);
    }
}
