package dev.lambdadeploy.engine.aws;

import java.io.Serial;
import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * Where the machine that makes the AWS calls takes its credentials from: {@link SessionCredentials} resolved
 * elsewhere (on a Jenkins controller) and sent along, or its own {@link DefaultChain}.
 */
public sealed interface CallSiteCredentials extends Serializable
        permits SessionCredentials, CallSiteCredentials.DefaultChain {

    /**
     * That machine's own identity: the AWS_* keys of its environment, else the SDK's default chain there (profile, web
     * identity, container or instance role); with {@code role}, assumed there on top of it.
     */
    record DefaultChain(@Nullable RoleAssumption role) implements CallSiteCredentials {
        @Serial
        private static final long serialVersionUID = 1L;
    }
}
