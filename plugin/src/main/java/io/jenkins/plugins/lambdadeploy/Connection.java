package io.jenkins.plugins.lambdadeploy;

import dev.lambdadeploy.engine.Validation;
import dev.lambdadeploy.engine.aws.CallSiteSettings;
import dev.lambdadeploy.engine.aws.ClientSettings;
import dev.lambdadeploy.engine.aws.CredentialsSource;
import dev.lambdadeploy.engine.aws.RegionResolver;
import dev.lambdadeploy.engine.aws.RoleAssumption;
import dev.lambdadeploy.engine.aws.StsEndpoint;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Util;
import hudson.model.Run;
import io.jenkins.plugins.lambdadeploy.steps.AbstractLambdaStep;
import java.io.Serializable;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Where and as whom to call Lambda, without any secret: a Pipeline wait persists this across a controller restart,
 * and credentials are looked up again from {@link #credentialsId} or the build's environment.
 */
@Restricted(NoExternalUse.class)
public final class Connection implements Serializable {

    private static final long serialVersionUID = 1L;

    private final @NonNull String region;
    private final @CheckForNull String credentialsId;
    private final @CheckForNull String roleArn;
    private final @CheckForNull String externalId;
    private final @CheckForNull String roleSessionName;
    private final @CheckForNull String endpointUrl;

    private Connection(
            @NonNull String region,
            @CheckForNull String credentialsId,
            @CheckForNull String roleArn,
            @CheckForNull String externalId,
            @CheckForNull String roleSessionName,
            @CheckForNull String endpointUrl) {
        this.region = region;
        this.credentialsId = credentialsId;
        this.roleArn = roleArn;
        this.externalId = externalId;
        this.roleSessionName = roleSessionName;
        this.endpointUrl = endpointUrl;
    }

    /**
     * The connection of {@code parameters} with the region settled from the parameter or the build's environment.
     * Checks every value before any AWS call; the engine names the first bad one. {@code expand} resolves
     * {@code $VARIABLES} (see {@link Requests}) in every field but {@code credentialsId}: a {@code ${PARAMETER}} there
     * is a credentials parameter, which {@code CredentialsProvider.findCredentialById} resolves itself, with the
     * permissions of the user who started the build.
     */
    @NonNull
    public static Connection resolve(
            @NonNull AbstractLambdaStep parameters,
            @NonNull Map<String, String> environment,
            @NonNull UnaryOperator<String> expand) {
        Connection connection = new Connection(
                RegionResolver.resolve(expand.apply(parameters.getRegion()), environment),
                Util.fixEmptyAndTrim(parameters.getCredentialsId()),
                expand.apply(parameters.getRoleArn()),
                expand.apply(parameters.getExternalId()),
                expand.apply(parameters.getRoleSessionName()),
                expand.apply(parameters.getEndpointUrl()));
        connection.role();
        Validation.endpointUrl(connection.endpointUrl);
        return connection;
    }

    /** The region calls go to, as settled from the parameter or the build's environment. */
    @NonNull
    public String region() {
        return region;
    }

    /** Client settings for keys resolved by {@link #credentials}; the Jenkins proxy is read anew each time. */
    @NonNull
    public ClientSettings settings(@NonNull CredentialsSource credentials) {
        return settingsWith(credentials).build();
    }

    /**
     * For calls made on an agent with the credentials of {@link #credentialsId}: the settings the controller resolves
     * session credentials with (see {@code SessionCredentialsIssuer}), STS at the {@code AWS_ENDPOINT_URL_STS} (else
     * {@code AWS_ENDPOINT_URL}) of the build's environment if set, through the Jenkins proxy.
     */
    @NonNull
    public ClientSettings sessionIssuing(
            @NonNull CredentialsSource credentials, @NonNull Map<String, String> environment) {
        return settingsWith(credentials)
                .stsEndpoint(StsEndpoint.fromEnvironment(environment))
                .build();
    }

    /** The region, {@code credentials}, role, endpoint and the Jenkins proxy, read anew. */
    private ClientSettings.Builder settingsWith(CredentialsSource credentials) {
        return ClientSettings.builder()
                .region(region)
                .credentials(credentials)
                .role(role())
                .endpoint(Validation.endpointUrl(endpointUrl))
                .proxy(JenkinsProxy.settings());
    }

    /**
     * For calls made on an agent with its own identity (its environment, profile, web identity, container or instance
     * role), the role of {@link #roleArn} assumed there, and its proxy environment.
     */
    @NonNull
    public CallSiteSettings agentIdentity(@NonNull Map<String, String> environment) {
        return CallSiteSettings.withDefaultChain(
                region,
                Validation.endpointUrl(endpointUrl),
                role(),
                role() == null ? null : StsEndpoint.fromEnvironment(environment),
                true);
    }

    /** Whether the step names credentials; without, calls on an agent use the agent's own identity. */
    public boolean hasCredentialsId() {
        return credentialsId != null;
    }

    @NonNull
    public CredentialsSource credentials(@NonNull Run<?, ?> run, @NonNull Map<String, String> environment)
            throws AbortException {
        return AwsCredentialsLookup.resolve(credentialsId, run, environment);
    }

    @CheckForNull
    private RoleAssumption role() {
        return RoleAssumption.of(roleArn, externalId, roleSessionName, null);
    }
}
