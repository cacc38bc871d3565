package dev.lambdadeploy.engine.aws;

import dev.lambdadeploy.engine.InvalidParameterException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Credentials when none were named explicitly: the AWS_* variables of the build's or process's environment
 * (so withAWS {} and withCredentials blocks work), else the SDK's default chain only if allowed. A Jenkins
 * controller must not silently act with its own AWS identity, so front ends decide whether to allow it.
 */
public final class CredentialsResolver {

    private CredentialsResolver() {
    }

    public static CredentialsSource fromEnvironment(Map<String, String> environment, boolean allowDefaultChain,
            String howToConfigure) {
        @Nullable String keyId = nonBlank(environment.get("AWS_ACCESS_KEY_ID"));
        @Nullable String secret = nonBlank(environment.get("AWS_SECRET_ACCESS_KEY"));
        if (keyId != null && secret != null) {
            return new CredentialsSource.StaticKeys(keyId, secret, nonBlank(environment.get("AWS_SESSION_TOKEN")));
        }
        if (keyId != null || secret != null) {
            throw new InvalidParameterException("credentials", "the environment has "
                    + (keyId != null ? "AWS_ACCESS_KEY_ID but not AWS_SECRET_ACCESS_KEY" : "AWS_SECRET_ACCESS_KEY but not AWS_ACCESS_KEY_ID")
                    + "; set both, or " + howToConfigure);
        }
        if (allowDefaultChain) {
            return new CredentialsSource.DefaultChain();
        }
        throw new InvalidParameterException("credentials", "none found: " + howToConfigure);
    }

    private static @Nullable String nonBlank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
