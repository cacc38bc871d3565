package dev.lambdadeploy.engine.aws;

import dev.lambdadeploy.engine.RoleAssumptionException;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The assumed role's credentials; a failed AssumeRole becomes a {@link RoleAssumptionException} naming the call,
 * the role and STS's error, which {@link AwsCalls} passes on instead of blaming the Lambda call that needed them.
 */
final class AssumedRoleCredentials implements AwsCredentialsProvider {

    static final String OPERATION = "AssumeRole";

    private final AwsCredentialsProvider sts;
    private final String roleArn;

    AssumedRoleCredentials(AwsCredentialsProvider sts, String roleArn) {
        this.sts = Objects.requireNonNull(sts, "sts");
        this.roleArn = Objects.requireNonNull(roleArn, "roleArn");
    }

    @Override
    public AwsCredentials resolveCredentials() {
        try {
            return sts.resolveCredentials();
        } catch (SdkException e) {
            throw new RoleAssumptionException(AwsErrorInfo.from(OPERATION, roleArn, stsError(e)), e);
        }
    }

    /** STS's own error when the SDK wrapped it, else what was thrown (e.g. no connection). */
    private static SdkException stsError(SdkException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AwsServiceException service) {
                return service;
            }
        }
        return e;
    }

    @Override
    public String toString() {
        return "AssumedRoleCredentials[" + roleArn + "]";
    }
}
