package dev.lambdadeploy.engine.aws;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Where the base credentials come from, before any role is assumed. {@code toString} never shows a secret. */
public sealed interface CredentialsSource {

    AwsCredentialsProvider provider();

    /** A name for these credentials, e.g. for a log; no secret in it. {@link QuotaLimiter} does not use it. */
    String identity();

    /**
     * Credentials resolved once, e.g. from the Jenkins AWS credential type (which may call STS on every
     * resolve): a wait that polls for minutes then needs no further STS calls.
     */
    static StaticKeys resolvedFrom(AwsCredentials credentials) {
        return new StaticKeys(
                credentials.accessKeyId(),
                credentials.secretAccessKey(),
                credentials instanceof AwsSessionCredentials session ? session.sessionToken() : null);
    }

    /** Keys as given: from the Jenkins credentials store, the build's environment, or the command line. */
    record StaticKeys(
            String accessKeyId,
            String secretAccessKey,
            @Nullable String sessionToken) implements CredentialsSource {

        public StaticKeys {
            Objects.requireNonNull(accessKeyId, "accessKeyId");
            Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        }

        @Override
        public AwsCredentialsProvider provider() {
            AwsCredentials credentials = sessionToken == null || sessionToken.isEmpty()
                    ? AwsBasicCredentials.create(accessKeyId, secretAccessKey)
                    : AwsSessionCredentials.create(accessKeyId, secretAccessKey, sessionToken);
            return StaticCredentialsProvider.create(credentials);
        }

        @Override
        public String identity() {
            return "key:" + accessKeyId;
        }

        @Override
        public String toString() {
            return "StaticKeys[accessKeyId=" + accessKeyId + ", secretAccessKey=****"
                    + (sessionToken != null ? ", sessionToken=****" : "") + "]";
        }
    }

    /** The SDK's default chain: environment, system properties, profile, container and instance roles. */
    record DefaultChain() implements CredentialsSource {
        @Override
        public AwsCredentialsProvider provider() {
            return DefaultCredentialsProvider.builder().build();
        }

        @Override
        public String identity() {
            return "default-chain";
        }
    }

    /** Any provider, e.g. a named profile from the CLI, or the Jenkins AWS credential type. */
    record Provider(AwsCredentialsProvider provider, String identity) implements CredentialsSource {
        public Provider {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(identity, "identity");
        }

        @Override
        public String toString() {
            return "Provider[" + identity + "]";
        }
    }
}
