package dev.lambdadeploy.engine.aws;

import dev.lambdadeploy.engine.Validation;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An IAM role to assume with STS on top of the base credentials, e.g. to deploy into another account. Serializable, to
 * be assumed where the calls run (see {@link CallSiteCredentials.DefaultChain}).
 */
public record RoleAssumption(String roleArn, @Nullable String externalId, String sessionName, Duration duration)
        implements java.io.Serializable {

    @java.io.Serial
    private static final long serialVersionUID = 1L;

    public static final String DEFAULT_SESSION_NAME = "lambda-deploy";
    public static final Duration DEFAULT_DURATION = Duration.ofHours(1);

    public RoleAssumption {
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(sessionName, "sessionName");
        Objects.requireNonNull(duration, "duration");
    }

    /** Validates raw input and fills the defaults; null when no role is given. */
    public static @Nullable RoleAssumption of(
            @Nullable String roleArn,
            @Nullable String externalId,
            @Nullable String sessionName,
            @Nullable Integer durationSeconds) {
        String arn = Validation.roleArn(roleArn);
        if (arn == null) {
            if (Validation.externalId(externalId) != null) {
                throw new dev.lambdadeploy.engine.InvalidParameterException(
                        "externalId",
                        "is only used when assuming a role: set " + dev.lambdadeploy.engine.Parameter.ROLE_ARN.ref()
                                + " as well");
            }
            return null;
        }
        String name = Validation.roleSessionName(sessionName);
        Duration duration = durationSeconds == null
                ? DEFAULT_DURATION
                : Duration.ofSeconds(Validation.roleDurationSeconds(durationSeconds));
        return new RoleAssumption(
                arn, Validation.externalId(externalId), name == null ? DEFAULT_SESSION_NAME : name, duration);
    }
}
