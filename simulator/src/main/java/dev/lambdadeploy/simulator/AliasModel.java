package dev.lambdadeploy.simulator;

import java.util.Map;

/** A named pointer to a version, optionally sending a weighted share of traffic to others. */
record AliasModel(
        String name, String functionVersion, String description, Map<String, Double> weights, String revisionId) {

    AliasView view() {
        return new AliasView(name, functionVersion, weights, revisionId);
    }
}
