package dev.lambdadeploy.simulator;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What a deployer controls about a function: code and configuration. Equal specs publish as one version. */
record FunctionSpec(
        CodeArtifact code,
        @Nullable String runtime,
        String role,
        @Nullable String handler,
        String description,
        int timeout,
        int memorySize,
        @Nullable Map<String, String> environment,
        List<String> architectures,
        List<String> layers,
        int ephemeralStorage) {

    /** What a function has when CreateFunction does not say: no layers, 512 MB of /tmp. */
    static final int DEFAULT_EPHEMERAL_STORAGE = 512;

    FunctionSpec withCode(CodeArtifact newCode, @Nullable List<String> newArchitectures) {
        return new FunctionSpec(
                newCode,
                runtime,
                role,
                handler,
                description,
                timeout,
                memorySize,
                environment,
                newArchitectures == null ? architectures : newArchitectures,
                layers,
                ephemeralStorage);
    }

    FunctionSpec withDescription(String newDescription) {
        return new FunctionSpec(
                code,
                runtime,
                role,
                handler,
                newDescription,
                timeout,
                memorySize,
                environment,
                architectures,
                layers,
                ephemeralStorage);
    }
}
