package dev.lambdadeploy.engine.aws;

import dev.lambdadeploy.engine.InvalidParameterException;
import java.io.Serial;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How to build the AWS clients on the machine that makes the calls (a Jenkins agent, or the controller itself), made
 * where the step runs and sent there: region, endpoint, whether to take the proxy from that machine's environment
 * ({@code HTTPS_PROXY}, {@code NO_PROXY}; see {@link EnvironmentProxy}), and the credentials: {@link
 * SessionCredentials} or that machine's {@link CallSiteCredentials.DefaultChain}. {@link CallSiteClients} opens the
 * clients from it.
 *
 * <p>Serializable to travel over an agent channel; with session credentials its serialized form holds their secret, so
 * a front end keeps it in {@code transient} fields only and never persists it. {@code toString} shows no secret.
 *
 * @param stsEndpoint where a role of {@link CallSiteCredentials.DefaultChain} is assumed; null for AWS's regional STS
 * @param quotaAccount the account the calls count against, when known without an AWS call (the role's, when the role
 *     was assumed before the session credentials were made), for the {@link QuotaLimiter}'s key
 */
public record CallSiteSettings(
        String region,
        @Nullable URI endpoint,
        boolean proxyFromEnvironment,
        CallSiteCredentials credentials,
        Duration apiCallTimeout,
        boolean limitQuota,
        @Nullable String quotaAccount,
        @Nullable URI stsEndpoint)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public CallSiteSettings {
        if (region == null || region.isBlank()) {
            throw new InvalidParameterException("region", "is required");
        }
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(apiCallTimeout, "apiCallTimeout");
        if (apiCallTimeout.isNegative() || apiCallTimeout.isZero()) {
            throw new InvalidParameterException("apiCallTimeout", "must be positive, not " + apiCallTimeout);
        }
        if (quotaAccount != null && !quotaAccount.matches("\\d{12}")) {
            throw new InvalidParameterException("quotaAccount", "an account id has 12 digits: " + quotaAccount);
        }
    }

    /**
     * The calls made elsewhere with {@code session}, resolved from {@code settings} (see {@link
     * SessionCredentialsIssuer}): the same region, endpoint, timeout and quota limiting; the proxy of the call site's
     * environment if asked, as {@code settings}' proxy is this machine's.
     */
    public static CallSiteSettings withSession(
            ClientSettings settings, SessionCredentials session, boolean proxyFromEnvironment) {
        return new CallSiteSettings(
                settings.region(),
                settings.endpoint(),
                proxyFromEnvironment,
                session,
                settings.apiCallTimeout(),
                settings.quotaLimiter() != null,
                settings.role() != null ? QuotaLimiter.accountOf(settings.role().roleArn()) : null,
                null);
    }

    /** The calls made elsewhere with that machine's own identity, and {@code role} assumed there if given. */
    public static CallSiteSettings withDefaultChain(
            String region,
            @Nullable URI endpoint,
            @Nullable RoleAssumption role,
            @Nullable URI stsEndpoint,
            boolean proxyFromEnvironment) {
        return new CallSiteSettings(
                region,
                endpoint,
                proxyFromEnvironment,
                new CallSiteCredentials.DefaultChain(role),
                ClientSettings.DEFAULT_API_CALL_TIMEOUT,
                true,
                null,
                stsEndpoint);
    }

    /** The quota key of these calls, as {@link ClientSettings#quotaKey()} makes it. */
    public QuotaLimiter.Key quotaKey() {
        String account = quotaAccount;
        if (account == null && credentials instanceof CallSiteCredentials.DefaultChain chain && chain.role() != null) {
            account = QuotaLimiter.accountOf(chain.role().roleArn());
        }
        return new QuotaLimiter.Key(account, region, endpoint != null ? endpoint.toString() : "aws");
    }
}
