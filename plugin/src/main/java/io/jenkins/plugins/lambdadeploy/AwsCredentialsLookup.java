package io.jenkins.plugins.lambdadeploy;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import dev.lambdadeploy.engine.aws.CredentialsResolver;
import dev.lambdadeploy.engine.aws.CredentialsSource;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Util;
import hudson.model.Run;
import java.util.Map;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Resolves a step's credentials once into keys held only in memory: from the credentials store with the build as
 * context (a {@code ${PARAMETER}} id is a credentials parameter; each use is tracked against the build), else from the AWS_* variables of the build's environment (not those it inherited from the controller's
 * own process), else (if an administrator allows it) from the controller's default chain.
 */
@Restricted(NoExternalUse.class)
public final class AwsCredentialsLookup {

    private AwsCredentialsLookup() {}

    @NonNull
    public static CredentialsSource resolve(
            @CheckForNull String credentialsId, @NonNull Run<?, ?> run, @NonNull Map<String, String> environment)
            throws AbortException {
        String id = Util.fixEmptyAndTrim(credentialsId);
        if (id == null) {
            boolean allowController = LambdaDeployConfiguration.get().isAllowControllerCredentials();
            // on the built-in node the build's environment includes the controller's own variables
            return CredentialsResolver.fromEnvironment(
                    environment,
                    EnvVars.masterEnvVars,
                    allowController,
                    Messages.AwsCredentialsLookup_HowToConfigure());
        }
        StandardCredentials credentials = CredentialsProvider.findCredentialById(id, StandardCredentials.class, run);
        if (credentials == null) {
            throw new AbortException(Messages.AwsCredentialsLookup_NotFound(id));
        }
        CredentialsProvider.track(run, credentials);
        if (credentials instanceof AmazonWebServicesCredentials aws) {
            return fromAws(id, aws);
        }
        if (credentials instanceof StandardUsernamePasswordCredentials keyPair) {
            return new CredentialsSource.StaticKeys(
                    keyPair.getUsername(), keyPair.getPassword().getPlainText(), null);
        }
        throw new AbortException(Messages.AwsCredentialsLookup_WrongType(
                id, credentials.getDescriptor().getDisplayName()));
    }

    /** With a role configured on the credential, each resolve calls STS: done once per step, not per poll. */
    private static CredentialsSource fromAws(String id, AmazonWebServicesCredentials aws) throws AbortException {
        AwsCredentials resolved;
        try {
            resolved = aws.resolveCredentials();
        } catch (SdkException e) {
            throw new AbortException(Messages.AwsCredentialsLookup_CannotResolve(id, e.getMessage()));
        }
        if (resolved == null) {
            throw new AbortException(Messages.AwsCredentialsLookup_Empty(id));
        }
        return CredentialsSource.resolvedFrom(resolved);
    }
}
