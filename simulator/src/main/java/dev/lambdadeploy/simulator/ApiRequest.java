package dev.lambdadeploy.simulator;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One call as a {@link Route.Handler} answers it: the matched route, the JSON body, the query, the instant. */
record ApiRequest(Route.Match route, RequestBody body, Map<String, String> query, Instant now) {

    /** The FunctionName path parameter, decoded. */
    @Nullable
    String function() {
        return route.function();
    }

    /** The alias Name path parameter, decoded. */
    @Nullable
    String alias() {
        return route.alias();
    }
}
