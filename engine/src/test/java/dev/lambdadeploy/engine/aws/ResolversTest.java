package dev.lambdadeploy.engine.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdadeploy.engine.InvalidParameterException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

class ResolversTest {

    private static final String HOW = "set credentialsId";

    @Test
    void regionFromParameterThenAwsRegionThenAwsDefaultRegion() {
        assertThat(RegionResolver.resolve("eu-west-1", Map.of("AWS_REGION", "us-east-1")))
                .isEqualTo("eu-west-1");
        assertThat(RegionResolver.resolve(null, Map.of("AWS_REGION", "us-east-2", "AWS_DEFAULT_REGION", "us-west-2")))
                .isEqualTo("us-east-2");
        assertThat(RegionResolver.resolve(" ", Map.of("AWS_DEFAULT_REGION", "us-west-2")))
                .isEqualTo("us-west-2");
    }

    @Test
    void noRegionIsAClearErrorNamingTheWaysToSetIt() {
        assertThatThrownBy(() -> RegionResolver.resolve(null, Map.of()))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("set region (e.g. eu-west-1)")
                .hasMessageContaining("AWS_REGION or AWS_DEFAULT_REGION");
        assertThatThrownBy(() -> RegionResolver.resolve(null, Map.of("AWS_REGION", "moon")))
                .hasMessageContaining("AWS_REGION is 'moon'");
    }

    @Test
    void credentialsFromTheBuildEnvironment() {
        var keys = CredentialsResolver.fromEnvironment(
                Map.of(
                        "AWS_ACCESS_KEY_ID",
                        "AKIAEXAMPLE",
                        "AWS_SECRET_ACCESS_KEY",
                        "s3cr3t",
                        "AWS_SESSION_TOKEN",
                        "tok"),
                false,
                HOW);
        assertThat(keys).isEqualTo(new CredentialsSource.StaticKeys("AKIAEXAMPLE", "s3cr3t", "tok"));
        assertThat(keys.provider().resolveCredentials()).isInstanceOf(AwsSessionCredentials.class);
    }

    @Test
    void noCredentialsIsAnErrorUnlessTheDefaultChainIsAllowed() {
        assertThatThrownBy(() -> CredentialsResolver.fromEnvironment(Map.of(), false, HOW))
                .hasMessage("Invalid credentials: none found: set credentialsId");
        assertThat(CredentialsResolver.fromEnvironment(Map.of(), true, HOW))
                .isInstanceOf(CredentialsSource.DefaultChain.class);
        assertThatThrownBy(() -> CredentialsResolver.fromEnvironment(Map.of("AWS_ACCESS_KEY_ID", "AKIA"), true, HOW))
                .hasMessageContaining("AWS_ACCESS_KEY_ID but not AWS_SECRET_ACCESS_KEY");
    }

    @Test
    void theControllersOwnKeysAreNotLentToBuildsUnlessAllowed() {
        var controller = Map.of("AWS_ACCESS_KEY_ID", "AKIACONTROLLER", "AWS_SECRET_ACCESS_KEY", "controller-secret");
        var inherited = Map.of(
                "AWS_ACCESS_KEY_ID", "AKIACONTROLLER", "AWS_SECRET_ACCESS_KEY", "controller-secret", "PATH", "/bin");
        assertThatThrownBy(() -> CredentialsResolver.fromEnvironment(inherited, controller, false, HOW))
                .hasMessageContaining("are the controller's own")
                .hasMessageEndingWith(HOW)
                .hasMessageNotContaining("controller-secret");
        assertThat(CredentialsResolver.fromEnvironment(inherited, controller, true, HOW))
                .isEqualTo(new CredentialsSource.StaticKeys("AKIACONTROLLER", "controller-secret", null));
        var bound = Map.of("AWS_ACCESS_KEY_ID", "AKIABOUND", "AWS_SECRET_ACCESS_KEY", "bound-secret");
        assertThat(CredentialsResolver.fromEnvironment(bound, controller, false, HOW))
                .isEqualTo(new CredentialsSource.StaticKeys("AKIABOUND", "bound-secret", null));
    }

    @Test
    void secretsNeverShowInToStrings() {
        var keys = new CredentialsSource.StaticKeys("AKIAEXAMPLE", "wJalrXUtnFEMI", "sessionTOKEN");
        var proxy = new ProxySettings("proxy.local", 3128, "alice", "pa55word", java.util.Set.of());
        var settings = ClientSettings.builder()
                .region("us-east-1")
                .credentials(keys)
                .proxy(proxy)
                .endpoint(URI.create("http://127.0.0.1:1"))
                .limitQuota(false)
                .build();
        assertThat(keys.toString() + proxy + settings)
                .contains("AKIAEXAMPLE")
                .doesNotContain("wJalrXUtnFEMI")
                .doesNotContain("sessionTOKEN")
                .doesNotContain("pa55word");
        assertThat(keys.identity()).doesNotContain("wJalrXUtnFEMI");
    }

    @Test
    void resolvedSdkCredentialsBecomeStaticKeys() {
        assertThat(CredentialsSource.resolvedFrom(AwsSessionCredentials.create("AKIA", "secret", "token")))
                .isEqualTo(new CredentialsSource.StaticKeys("AKIA", "secret", "token"));
        assertThat(CredentialsSource.resolvedFrom(AwsBasicCredentials.create("AKIA", "secret"))
                        .sessionToken())
                .isNull();
    }

    @Test
    void deploysToTheSameRegionAndEndpointShareOneQuotaWhateverTheirKeys() {
        var keys = new CredentialsSource.StaticKeys("AKIAEXAMPLE", "secret", null);
        var a = ClientSettings.builder().region("us-east-1").credentials(keys).build();
        var b = ClientSettings.builder()
                .region("us-east-1")
                .credentials(new CredentialsSource.StaticKeys("ASIAOTHER", "other", "t"))
                .build();
        var c = ClientSettings.builder().region("eu-west-1").credentials(keys).build();
        assertThat(a.quotaLimiter().key())
                .isEqualTo(b.quotaLimiter().key())
                .isEqualTo(a.quotaKey())
                .isNotEqualTo(c.quotaLimiter().key());
        assertThat(ClientSettings.builder()
                        .region("us-east-1")
                        .credentials(keys)
                        .limitQuota(false)
                        .build()
                        .quotaLimiter())
                .isNull();
    }

    @Test
    void roleAssumptionDefaultsAndChecks() {
        assertThat(RoleAssumption.of(null, null, null, null)).isNull();
        var role = RoleAssumption.of("arn:aws:iam::123456789012:role/deployer", "ext-1", null, null);
        assertThat(role)
                .isEqualTo(new RoleAssumption(
                        "arn:aws:iam::123456789012:role/deployer", "ext-1", "lambda-deploy", Duration.ofHours(1)));
        assertThatThrownBy(() -> RoleAssumption.of(null, "ext-1", null, null)).hasMessageContaining("set roleArn");
    }

    @Test
    void awsErrorsDescribeOperationFunctionCodeStatusAndRequestId() {
        var e = software.amazon.awssdk.services.lambda.model.ResourceConflictException.builder()
                .statusCode(409)
                .requestId("req-7")
                .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                        .errorCode("ResourceConflictException")
                        .errorMessage("An update is in progress")
                        .build())
                .build();
        var info = AwsErrorInfo.from("PublishVersion", "my-fn", e);
        assertThat(info.describe())
                .isEqualTo("PublishVersion on my-fn failed: ResourceConflictException "
                        + "(HTTP 409, request id req-7): An update is in progress");
        assertThat(info.isThrottling()).isFalse();
        assertThat(info.isTransient()).isFalse();
        var io = AwsErrorInfo.from(
                "GetFunction",
                "my-fn",
                software.amazon.awssdk.core.exception.SdkClientException.create(
                        "Unable to execute HTTP request", new java.net.SocketException("Connection reset")));
        assertThat(io.isTransient()).isTrue();
        assertThat(io.describe()).contains("SocketException: Connection reset");
    }

    @Test
    void jenkinsStyleNoProxyListsBecomeTheSdksPatterns() {
        var proxy = ProxySettings.of("proxy", 8080, "", null, "localhost, *.internal.example.com|10.0.0.1\n*");
        assertThat(proxy.username()).isNull();
        assertThat(proxy.nonProxyHosts()).hasSize(4);
        assertThat(proxy.nonProxyHosts())
                .anySatisfy(p -> assertThat("localhost").matches(p));
        assertThat(proxy.nonProxyHosts()).anySatisfy(p -> {
            assertThat("lambda.internal.example.com").matches(p);
            assertThat("internalXexample.com").doesNotMatch(p);
        });
        assertThat(proxy.nonProxyHosts()).anySatisfy(p -> assertThat("10.0.0.1").matches(p));
        assertThat(ProxySettings.of("proxy", 8080, null, null, null).nonProxyHosts())
                .isEmpty();
    }

    @Test
    void expiredTemporaryCredentialsAreRecognised() {
        assertThat(new AwsErrorInfo("GetFunction", "f", "ExpiredTokenException", 403, "r", "expired")
                        .isExpiredCredentials())
                .isTrue();
        assertThat(new AwsErrorInfo("GetFunction", "f", "AccessDeniedException", 403, "r", "no").isExpiredCredentials())
                .isFalse();
    }
}
