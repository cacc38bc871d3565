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

    private static final String ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    private static final String SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";

    private CredentialsResolver() {}

    public static CredentialsSource fromEnvironment(
            Map<String, String> environment, boolean allowDefaultChain, String howToConfigure) {
        return fromEnvironment(environment, Map.of(), allowDefaultChain, howToConfigure);
    }

    /**
     * As above, for a build that inherits the environment of the process running it (a Jenkins build on the
     * built-in node sees the controller's variables): keys equal to that process's own are its identity, which
     * only {@code allowDefaultChain} lends to builds, so without it they are ignored. Keys bound for the build
     * (withCredentials, withAWS) differ from the process's and are used.
     */
    public static CredentialsSource fromEnvironment(
            Map<String, String> environment,
            Map<String, String> processEnvironment,
            boolean allowDefaultChain,
            String howToConfigure) {
        if (!allowDefaultChain
                && (sameKey(environment, processEnvironment, ACCESS_KEY_ID)
                        || sameKey(environment, processEnvironment, SECRET_ACCESS_KEY))) {
            throw new InvalidParameterException(
                    "credentials",
                    "the build's AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY "
                            + "are the controller's own, which builds may use only if an administrator allows it: "
                            + howToConfigure);
        }
        return resolve(environment, allowDefaultChain, howToConfigure);
    }

    private static CredentialsSource resolve(
            Map<String, String> environment, boolean allowDefaultChain, String howToConfigure) {
        @Nullable String keyId = nonBlank(environment.get(ACCESS_KEY_ID));
        @Nullable String secret = nonBlank(environment.get(SECRET_ACCESS_KEY));
        if (keyId != null && secret != null) {
            return new CredentialsSource.StaticKeys(keyId, secret, nonBlank(environment.get("AWS_SESSION_TOKEN")));
        }
        if (keyId != null || secret != null) {
            throw new InvalidParameterException(
                    "credentials",
                    "the environment has "
                            + (keyId != null
                                    ? "AWS_ACCESS_KEY_ID but not AWS_SECRET_ACCESS_KEY"
                                    : "AWS_SECRET_ACCESS_KEY but not AWS_ACCESS_KEY_ID")
                            + "; set both, or " + howToConfigure);
        }
        if (allowDefaultChain) {
            return new CredentialsSource.DefaultChain();
        }
        throw new InvalidParameterException("credentials", "none found: " + howToConfigure);
    }

    private static boolean sameKey(
            Map<String, String> environment, Map<String, String> processEnvironment, String name) {
        String value = nonBlank(environment.get(name));
        return value != null && value.equals(nonBlank(processEnvironment.get(name)));
    }

    private static @Nullable String nonBlank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
