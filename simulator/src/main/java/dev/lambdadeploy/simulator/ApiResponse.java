package dev.lambdadeploy.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/** A successful API answer; a null body is sent as none at all (204 No Content). */
record ApiResponse(int status, @Nullable ObjectNode body) {

    static ApiResponse noContent() {
        return new ApiResponse(204, null);
    }
}
