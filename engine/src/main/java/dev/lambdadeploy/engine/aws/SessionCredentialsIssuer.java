package dev.lambdadeploy.engine.aws;

import dev.lambdadeploy.engine.AwsCallException;
import dev.lambdadeploy.engine.InvalidParameterException;
import dev.lambdadeploy.engine.RoleAssumptionException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Where the credentials are resolved (a Jenkins controller), turns them into {@link SessionCredentials} for the machine
 * that makes the calls, so that no long-term key leaves: with a role, the AssumeRole result; long-term keys, an STS
 * GetSessionToken of the given duration; credentials that already are a session, as they are. STS is called with the
 * settings' credentials, region, STS endpoint, proxy and timeout.
 */
public final class SessionCredentialsIssuer {

    public static final Duration DEFAULT_DURATION = Duration.ofHours(1);
    /** GetSessionToken's bounds for an IAM user. */
    public static final Duration MIN_DURATION = Duration.ofMinutes(15);

    public static final Duration MAX_DURATION = Duration.ofHours(36);

    static final String GET_SESSION_TOKEN = "GetSessionToken";

    private final HttpClientFactory httpClientFactory;

    public SessionCredentialsIssuer(HttpClientFactory httpClientFactory) {
        this.httpClientFactory = Objects.requireNonNull(httpClientFactory, "httpClientFactory");
    }

    /**
     * @param duration how long session credentials made from long-term keys last (GetSessionToken's
     *     DurationSeconds, {@link #MIN_DURATION} to {@link #MAX_DURATION}); a role's session lasts as long as its
     *     {@link RoleAssumption#duration()}
     * @throws RoleAssumptionException when AssumeRole fails
     * @throws AwsCallException when GetSessionToken fails
     */
    public SessionCredentials issue(ClientSettings settings, Duration duration) {
        Objects.requireNonNull(settings, "settings");
        if (duration.compareTo(MIN_DURATION) < 0 || duration.compareTo(MAX_DURATION) > 0) {
            throw new InvalidParameterException(
                    "sessionDuration",
                    "must be between " + MIN_DURATION.toSeconds() + " and " + MAX_DURATION.toSeconds()
                            + " seconds, not " + duration.toSeconds());
        }
        RoleAssumption role = settings.role();
        AwsCredentialsProvider base = settings.credentials().provider();
        if (role == null) {
            AwsCredentials resolved = base.resolveCredentials();
            if (resolved instanceof AwsSessionCredentials session) {
                return new SessionCredentials(
                        session.accessKeyId(),
                        session.secretAccessKey(),
                        session.sessionToken(),
                        session.expirationTime().orElse(null));
            }
            base = StaticCredentialsProvider.create(resolved); // resolved once: some providers call STS each time
        }
        try (SdkHttpClient http = httpClientFactory.create(Optional.ofNullable(settings.proxy()));
                StsClient sts = sts(settings, base, http)) {
            return role != null ? assumeRole(sts, role) : getSessionToken(sts, settings, duration);
        }
    }

    private static SessionCredentials assumeRole(StsClient sts, RoleAssumption role) {
        try {
            return from(sts.assumeRole(r -> r.roleArn(role.roleArn())
                            .externalId(role.externalId())
                            .roleSessionName(role.sessionName())
                            .durationSeconds((int) role.duration().toSeconds()))
                    .credentials());
        } catch (SdkException e) {
            throw new RoleAssumptionException(
                    AwsErrorInfo.from(AssumedRoleCredentials.OPERATION, role.roleArn(), e), e);
        }
    }

    private static SessionCredentials getSessionToken(StsClient sts, ClientSettings settings, Duration duration) {
        try {
            return from(sts.getSessionToken(r -> r.durationSeconds((int) duration.toSeconds()))
                    .credentials());
        } catch (SdkException e) {
            throw new AwsCallException(
                    AwsErrorInfo.from(GET_SESSION_TOKEN, settings.credentials().identity(), e), e);
        }
    }

    private static SessionCredentials from(Credentials c) {
        return new SessionCredentials(c.accessKeyId(), c.secretAccessKey(), c.sessionToken(), c.expiration());
    }

    private static StsClient sts(ClientSettings settings, AwsCredentialsProvider base, SdkHttpClient http) {
        ClientOverrideConfiguration.Builder override =
                ClientOverrideConfiguration.builder().apiCallTimeout(settings.apiCallTimeout());
        if (settings.retryStrategy() != null) {
            override.retryStrategy(settings.retryStrategy());
        }
        StsClientBuilder builder = StsClient.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(base)
                .httpClient(new InterruptibleHttpClient(http))
                .overrideConfiguration(override.build());
        if (settings.stsEndpoint() != null) {
            builder.endpointOverride(settings.stsEndpoint());
        }
        return builder.build();
    }
}
