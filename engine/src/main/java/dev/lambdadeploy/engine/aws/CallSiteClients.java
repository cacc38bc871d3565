package dev.lambdadeploy.engine.aws;

import java.util.Map;
import java.util.Objects;

/**
 * On the machine that makes the AWS calls (a Jenkins agent, or the controller), opens the clients a {@link
 * CallSiteSettings} describes, with this machine's environment: its proxy variables if the settings ask for them, and
 * for {@link CallSiteCredentials.DefaultChain} its own identity (the AWS_* keys of {@code environment}, else the SDK's
 * default chain of this process: profile, web identity, container or instance role). Clients are built with an
 * explicit HTTP client ({@link HttpClientFactory}), never one the SDK discovers, and limited by this process's {@link
 * QuotaLimiter} for the settings' quota key.
 *
 * <p>Keep one per process (or per front end) and close it when done: it shares connection pools and assumed roles as
 * {@link LambdaClients} does.
 */
public final class CallSiteClients implements AutoCloseable {

    private final LambdaClients clients;
    private final Map<String, String> environment;

    /**
     * @param environment this machine's environment, e.g. {@code System.getenv()} on an agent; tests pass their own
     */
    public CallSiteClients(HttpClientFactory httpClientFactory, Map<String, String> environment) {
        this.clients = new LambdaClients(httpClientFactory);
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    }

    /** Lambda and CloudWatch clients for one use; closing them leaves the shared pools open. */
    public LambdaClients.Session open(CallSiteSettings settings) {
        return clients.open(clientSettings(settings));
    }

    /** The settings as {@link LambdaClients} takes them, resolved against this machine's environment. */
    ClientSettings clientSettings(CallSiteSettings settings) {
        ClientSettings.Builder builder = ClientSettings.builder()
                .region(settings.region())
                .endpoint(settings.endpoint())
                .apiCallTimeout(settings.apiCallTimeout())
                .proxy(settings.proxyFromEnvironment() ? EnvironmentProxy.from(environment, settings.endpoint()) : null)
                .limitQuota(settings.limitQuota())
                .stsEndpoint(settings.stsEndpoint());
        if (settings.limitQuota()) {
            builder.quotaLimiter(QuotaLimiter.shared(settings.quotaKey()));
        }
        if (settings.credentials() instanceof SessionCredentials session) {
            builder.credentials(session.keys());
        } else if (settings.credentials() instanceof CallSiteCredentials.DefaultChain chain) {
            builder.credentials(CredentialsResolver.fromEnvironment(
                            environment, true, "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"))
                    .role(chain.role());
        }
        return builder.build();
    }

    @Override
    public void close() {
        clients.close();
    }
}
