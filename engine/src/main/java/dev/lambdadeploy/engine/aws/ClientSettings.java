package dev.lambdadeploy.engine.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * How to reach Lambda: region, credentials, an optional role, endpoint and proxy. Build with {@link #builder()}.
 *
 * @param retryStrategy the SDK's retry strategy; null means the SDK's standard one (3 attempts, backoff,
 *     throttling and 5xx retried)
 * @param quotaLimiter null to switch client-side quota limiting off
 * @param stsEndpoint where to call STS's AssumeRole when {@code role} is set; null means AWS's regional endpoint
 */
public record ClientSettings(
        String region,
        CredentialsSource credentials,
        @Nullable RoleAssumption role,
        @Nullable URI endpoint,
        @Nullable ProxySettings proxy,
        @Nullable RetryStrategy retryStrategy,
        @Nullable QuotaLimiter quotaLimiter,
        Duration apiCallTimeout,
        @Nullable URI stsEndpoint) {

    public static final Duration DEFAULT_API_CALL_TIMEOUT = Duration.ofMinutes(2);

    public ClientSettings {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(apiCallTimeout, "apiCallTimeout");
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * What Lambda counts these calls' quotas on: the account of the assumed role if there is one (else unknown here;
     * see {@link QuotaLimiter}), the region and the endpoint. Never the credentials: a role session's key id changes
     * on every resolve.
     */
    public QuotaLimiter.Key quotaKey() {
        return new QuotaLimiter.Key(
                role != null ? QuotaLimiter.accountOf(role.roleArn()) : null,
                region,
                endpoint != null ? endpoint.toString() : "aws");
    }

    public static final class Builder {
        private @Nullable String region;
        private @Nullable CredentialsSource credentials;
        private @Nullable RoleAssumption role;
        private @Nullable URI endpoint;
        private @Nullable ProxySettings proxy;
        private @Nullable RetryStrategy retryStrategy;
        private boolean limitQuota = true;
        private @Nullable QuotaLimiter quotaLimiter;
        private Duration apiCallTimeout = DEFAULT_API_CALL_TIMEOUT;
        private @Nullable URI stsEndpoint;

        private Builder() {}

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder credentials(CredentialsSource credentials) {
            this.credentials = credentials;
            return this;
        }

        public Builder role(@Nullable RoleAssumption role) {
            this.role = role;
            return this;
        }

        public Builder endpoint(@Nullable URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        public Builder proxy(@Nullable ProxySettings proxy) {
            this.proxy = proxy;
            return this;
        }

        public Builder retryStrategy(@Nullable RetryStrategy retryStrategy) {
            this.retryStrategy = retryStrategy;
            return this;
        }

        /** Whether to keep within Lambda's quotas on the client side (default on). */
        public Builder limitQuota(boolean limitQuota) {
            this.limitQuota = limitQuota;
            return this;
        }

        /** A specific limiter, e.g. one on a test clock; by default the process-wide one for the quota key. */
        public Builder quotaLimiter(@Nullable QuotaLimiter quotaLimiter) {
            this.quotaLimiter = quotaLimiter;
            return this;
        }

        public Builder apiCallTimeout(Duration apiCallTimeout) {
            this.apiCallTimeout = apiCallTimeout;
            return this;
        }

        /** STS's endpoint for the role assumption, e.g. a VPC endpoint or a stand-in; default AWS's regional one. */
        public Builder stsEndpoint(@Nullable URI stsEndpoint) {
            this.stsEndpoint = stsEndpoint;
            return this;
        }

        public ClientSettings build() {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(credentials, "credentials");
            ClientSettings unlimited = new ClientSettings(
                    region, credentials, role, endpoint, proxy, retryStrategy, null, apiCallTimeout, stsEndpoint);
            QuotaLimiter limiter = !limitQuota
                    ? null
                    : quotaLimiter != null ? quotaLimiter : QuotaLimiter.shared(unlimited.quotaKey());
            return new ClientSettings(
                    region, credentials, role, endpoint, proxy, retryStrategy, limiter, apiCallTimeout, stsEndpoint);
        }
    }
}
