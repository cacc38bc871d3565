package dev.lambdadeploy.cli;

import dev.lambdadeploy.engine.InvalidParameterException;
import dev.lambdadeploy.engine.Validation;
import dev.lambdadeploy.engine.aws.ClientSettings;
import dev.lambdadeploy.engine.aws.CredentialsResolver;
import dev.lambdadeploy.engine.aws.CredentialsSource;
import dev.lambdadeploy.engine.aws.RegionResolver;
import dev.lambdadeploy.engine.aws.RoleAssumption;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;

/** How to reach Lambda, with the AWS CLI's conventions: options first, then the environment, then profiles. */
final class ConnectionOptions {

    static final String CREDENTIALS_HELP = "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN "
            + "for temporary keys), or give --profile, or rely on the AWS default credentials chain";

    @Option(
            order = 100,
            names = "--region",
            paramLabel = "REGION",
            description =
                    "AWS region, e.g. eu-west-1. Default: AWS_REGION, else AWS_DEFAULT_REGION, else the region of the profile.")
    @Nullable
    String region;

    @Option(
            order = 101,
            names = "--profile",
            paramLabel = "NAME",
            description = "Named profile from ~/.aws/config and ~/.aws/credentials. Default: AWS_ACCESS_KEY_ID / "
                    + "AWS_SECRET_ACCESS_KEY if set, else the AWS default credentials chain (AWS_PROFILE, SSO, "
                    + "container and instance roles).")
    @Nullable
    String profile;

    @Option(
            order = 102,
            names = "--role-arn",
            paramLabel = "ARN",
            description = "IAM role to assume with STS before deploying, e.g. to deploy into another account.")
    @Nullable
    String roleArn;

    @Option(
            order = 103,
            names = "--external-id",
            paramLabel = "ID",
            description = "External ID the role's trust policy asks for.")
    @Nullable
    String externalId;

    @Option(
            order = 104,
            names = "--role-session-name",
            paramLabel = "NAME",
            description = "Session name of the assumed role (default: " + RoleAssumption.DEFAULT_SESSION_NAME + ").")
    @Nullable
    String roleSessionName;

    @Option(
            order = 104,
            names = "--role-duration-seconds",
            paramLabel = "SECONDS",
            description = "How long the assumed role's session lasts, 900 to 43200 seconds (default: 3600; the role's "
                    + "maximum session duration must allow it). Renewed before it ends, so a long wait goes on.")
    @Nullable
    Integer roleDurationSeconds;

    @Option(
            order = 105,
            names = "--endpoint-url",
            paramLabel = "URL",
            description = "Lambda endpoint, e.g. the simulator's http://127.0.0.1:4566. Default: "
                    + "AWS_ENDPOINT_URL_LAMBDA, else AWS_ENDPOINT_URL, else AWS.")
    @Nullable
    String endpointUrl;

    /** Validates every connection parameter; makes no AWS call. */
    ClientSettings settings(CliContext context) {
        Map<String, String> env = context.env();
        ProfileFile profiles = null;
        String regionParameter = region;
        if (isBlank(region) && isBlank(env.get("AWS_REGION")) && isBlank(env.get("AWS_DEFAULT_REGION"))) {
            profiles = profileFile(env);
            regionParameter = profileRegion(profiles, env).orElse(null);
        }
        String resolvedRegion = RegionResolver.resolve(regionParameter, env);
        RoleAssumption role = RoleAssumption.of(roleArn, externalId, roleSessionName, roleDurationSeconds);
        URI endpoint = Validation.endpointUrl(
                !isBlank(endpointUrl)
                        ? endpointUrl
                        : !isBlank(env.get("AWS_ENDPOINT_URL_LAMBDA"))
                                ? env.get("AWS_ENDPOINT_URL_LAMBDA")
                                : env.get("AWS_ENDPOINT_URL"));
        CredentialsSource credentials;
        if (!isBlank(profile)) {
            String name = profile.trim();
            ProfileFile file = profiles != null ? profiles : profileFile(env);
            if (file.profile(name).isEmpty()) {
                throw new InvalidParameterException(
                        "profile",
                        "no profile '" + name + "' in " + configFile(env) + " or " + credentialsFile(env)
                                + "; run 'aws configure --profile " + name + "' or pick another");
            }
            credentials = new CredentialsSource.Provider(
                    ProfileCredentialsProvider.builder()
                            .profileFile(file)
                            .profileName(name)
                            .build(),
                    "profile:" + name);
        } else {
            credentials = CredentialsResolver.fromEnvironment(env, true, CREDENTIALS_HELP);
        }
        ClientSettings.Builder builder = ClientSettings.builder()
                .region(resolvedRegion)
                .credentials(credentials)
                .role(role)
                .endpoint(endpoint)
                .stsEndpoint(role == null ? null : stsEndpoint(env));
        return context.clientTuning().apply(builder).build();
    }

    /** STS's endpoint for --role-arn, as the AWS CLI finds it: AWS_ENDPOINT_URL_STS, else AWS_ENDPOINT_URL. */
    private static @Nullable URI stsEndpoint(Map<String, String> env) {
        return dev.lambdadeploy.engine.aws.StsEndpoint.fromEnvironment(env);
    }

    private Optional<String> profileRegion(ProfileFile profiles, Map<String, String> env) {
        String name = !isBlank(profile)
                ? profile.trim()
                : !isBlank(env.get("AWS_PROFILE")) ? env.get("AWS_PROFILE").trim() : "default";
        return profiles.profile(name).flatMap(p -> p.property("region")).filter(r -> !r.isBlank());
    }

    /** The config and credentials files the environment names, else those in ~/.aws, as the AWS CLI finds them. */
    static ProfileFile profileFile(Map<String, String> env) {
        ProfileFile.Aggregator aggregator = ProfileFile.aggregator();
        Path config = configFile(env);
        Path credentials = credentialsFile(env);
        try {
            if (Files.isRegularFile(config)) {
                aggregator.addFile(ProfileFile.builder()
                        .content(config)
                        .type(ProfileFile.Type.CONFIGURATION)
                        .build());
            }
            if (Files.isRegularFile(credentials)) {
                aggregator.addFile(ProfileFile.builder()
                        .content(credentials)
                        .type(ProfileFile.Type.CREDENTIALS)
                        .build());
            }
            return aggregator.build();
        } catch (RuntimeException e) {
            throw new InvalidParameterException(
                    "profile",
                    "cannot read the AWS profile files " + config + " and " + credentials + ": " + e.getMessage());
        }
    }

    private static Path configFile(Map<String, String> env) {
        return fileFrom(env, "AWS_CONFIG_FILE", "config");
    }

    private static Path credentialsFile(Map<String, String> env) {
        return fileFrom(env, "AWS_SHARED_CREDENTIALS_FILE", "credentials");
    }

    private static Path fileFrom(Map<String, String> env, String variable, String name) {
        String named = env.get(variable);
        if (!isBlank(named)) {
            return Path.of(named.trim().replaceFirst("^~", home(env)));
        }
        return Path.of(home(env), ".aws", name);
    }

    private static String home(Map<String, String> env) {
        String home = env.get("HOME");
        return isBlank(home) ? System.getProperty("user.home") : home;
    }

    static boolean isBlank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
