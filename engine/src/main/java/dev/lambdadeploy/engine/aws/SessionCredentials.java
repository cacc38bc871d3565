package dev.lambdadeploy.engine.aws;

import dev.lambdadeploy.engine.InvalidParameterException;
import java.io.Serial;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Temporary AWS credentials (an STS session: key id, secret, session token) to send to the machine that makes the
 * calls. Long-term keys cannot be made one: the session token is required, and an {@code AKIA...} key id (an IAM user's
 * long-term key) is refused. {@code toString} and every exception message show the key id only.
 *
 * <p>Serializable to travel over an agent channel, secret included. Never persist it: a front end keeps it in
 * {@code transient} fields only, and drops it when it expires.
 *
 * @param expiration when STS said they expire; null when they came as they are (e.g. {@code AWS_SESSION_TOKEN} of a
 *     build) and nobody said
 */
public record SessionCredentials(
        String accessKeyId,
        String secretAccessKey,
        String sessionToken,
        @Nullable Instant expiration) implements CallSiteCredentials {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final String LONG_TERM_KEY_PREFIX = "AKIA";

    public SessionCredentials {
        if (accessKeyId == null || accessKeyId.isBlank()) {
            throw new InvalidParameterException("credentials", "the session credentials have no access key id");
        }
        if (secretAccessKey == null || secretAccessKey.isBlank()) {
            throw new InvalidParameterException(
                    "credentials", "the session credentials of " + accessKeyId + " have no secret access key");
        }
        if (sessionToken == null || sessionToken.isBlank()) {
            throw new InvalidParameterException(
                    "credentials",
                    accessKeyId + " has no session token: only temporary credentials are sent to where the calls run,"
                            + " never a long-term key pair");
        }
        if (accessKeyId.startsWith(LONG_TERM_KEY_PREFIX)) {
            throw new InvalidParameterException(
                    "credentials",
                    accessKeyId + " is a long-term access key (" + LONG_TERM_KEY_PREFIX
                            + "...): only temporary credentials are sent to where the calls run");
        }
    }

    /** Whether they expire before {@code now + margin}; never for credentials of unknown expiration. */
    public boolean expiresWithin(Duration margin, Instant now) {
        return expiration != null && !now.plus(margin).isBefore(expiration);
    }

    /** As the engine's clients take them. */
    public CredentialsSource.StaticKeys keys() {
        return new CredentialsSource.StaticKeys(accessKeyId, secretAccessKey, sessionToken);
    }

    @Override
    public String toString() {
        return "SessionCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=****, sessionToken=****"
                + (expiration != null ? ", expiration=" + expiration : "") + "]";
    }
}
