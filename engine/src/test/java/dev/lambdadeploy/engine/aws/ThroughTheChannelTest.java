package dev.lambdadeploy.engine.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdadeploy.engine.AliasRequest;
import dev.lambdadeploy.engine.AliasResult;
import dev.lambdadeploy.engine.AliasedDeployResult;
import dev.lambdadeploy.engine.AwaitReadyRequest;
import dev.lambdadeploy.engine.AwsCallException;
import dev.lambdadeploy.engine.CleanupRequest;
import dev.lambdadeploy.engine.CleanupResult;
import dev.lambdadeploy.engine.CodeSource;
import dev.lambdadeploy.engine.FunctionStatus;
import dev.lambdadeploy.engine.InvalidParameterException;
import dev.lambdadeploy.engine.LambdaResult;
import dev.lambdadeploy.engine.PublishVersionRequest;
import dev.lambdadeploy.engine.UpdateCodeRequest;
import dev.lambdadeploy.engine.UpdateConfigurationRequest;
import dev.lambdadeploy.engine.WaitSettings;
import dev.lambdadeploy.engine.release.FunctionSettings;
import dev.lambdadeploy.engine.release.ShiftDecision;
import dev.lambdadeploy.engine.release.ShiftState;
import dev.lambdadeploy.engine.release.VersionCleanup;
import dev.lambdadeploy.engine.wait.Observation;
import dev.lambdadeploy.engine.wait.WaitOutcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * What a front end sends to the machine that makes the calls (a Jenkins agent) and gets back: requests, results, wait
 * observations and failures survive Java serialization as they are.
 */
class ThroughTheChannelTest {

    static final FunctionStatus STATUS = new FunctionStatus(
            "f",
            "arn:aws:lambda:us-east-1:123456789012:function:f",
            "Active",
            "Successful",
            null,
            null,
            null,
            null,
            "c2hh",
            "rev-1",
            "$LATEST",
            "req-1");
    static final AwsErrorInfo ERROR = new AwsErrorInfo("GetFunction", "f", "ServiceException", 503, "req-2", "down");

    static Stream<Object> values() {
        ShiftState state = new ShiftState("live", "3", "2", 1, 1_700_000_000_000L);
        return Stream.of(
                UpdateCodeRequest.builder()
                        .functionName("f")
                        .code(new CodeSource.S3Object("bucket", "key.zip", "v1"))
                        .architectures(List.of("arm64"))
                        .build(),
                UpdateCodeRequest.builder()
                        .functionName("f")
                        .code(new CodeSource.ImageUri("123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1"))
                        .build(),
                PublishVersionRequest.builder()
                        .functionName("f")
                        .description("d")
                        .codeSha256("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")
                        .build(),
                new AwaitReadyRequest("f", "live", WaitSettings.DEFAULTS),
                UpdateConfigurationRequest.builder()
                        .functionName("f")
                        .settings(new FunctionSettings(
                                Map.of("A", "1"),
                                256,
                                30,
                                "h.handler",
                                "java21",
                                List.of("arn:aws:lambda:us-east-1:123456789012:layer:deps:1"),
                                "d",
                                1024))
                        .build(),
                CleanupRequest.builder().functionName("f").keepNewest(3).build(),
                AliasRequest.builder()
                        .functionName("f")
                        .alias("live")
                        .version("3")
                        .shift("Canary10Percent5Minutes")
                        .alarms(List.of("errors"))
                        .build(),
                state,
                new ShiftDecision.Route(0.1, state),
                new ShiftDecision.Hold(Duration.ofSeconds(30), state),
                new ShiftDecision.Complete(),
                new ShiftDecision.RollBack("alarm", "errors", Instant.parse("2026-01-01T00:00:00Z")),
                new WaitOutcome(WaitOutcome.Kind.READY, STATUS, 3, Duration.ofSeconds(4), null),
                new WaitOutcome(WaitOutcome.Kind.UNOBSERVED, null, 3, Duration.ofSeconds(4), ERROR),
                new Observation.Seen(STATUS),
                new Observation.Throttled(Duration.ofSeconds(1), ERROR),
                new Observation.Unavailable(ERROR),
                LambdaResult.of(STATUS),
                new AliasResult("f", "live", "3", "2", "rev", false, false, null, null),
                new CleanupResult(
                        "f",
                        List.of("1"),
                        List.of(new VersionCleanup.Kept("2", VersionCleanup.KeptBecause.values()[0])),
                        List.of(),
                        false),
                new AliasedDeployResult(
                        LambdaResult.of(STATUS),
                        new AliasResult("f", "live", "3", "2", "rev", false, false, null, null)),
                CallSite.AGENT);
    }

    @ParameterizedTest
    @MethodSource("values")
    void survivesSerialization(Object value) throws Exception {
        assertThat(throughChannel(value)).isEqualTo(value);
    }

    @Test
    void zipBytesTravelToo() throws Exception {
        CodeSource.ZipFile zip = new CodeSource.ZipFile(new byte[] {1, 2, 3}, "dist/app.zip");
        CodeSource.ZipFile received = throughChannel(zip);
        assertThat(received.bytes()).containsExactly(1, 2, 3);
        assertThat(received.label()).isEqualTo("dist/app.zip");
    }

    @Test
    void failuresTravelWithTheirMessageAndAwsErrorButWithoutTheSdkCause() throws Exception {
        AwsServiceException sdk = AwsServiceException.builder()
                .message("expired")
                .statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("ExpiredTokenException")
                        .errorMessage("The security token included in the request is expired")
                        .build())
                .build();
        AwsCallException original = new AwsCallException(AwsErrorInfo.from("GetFunction", "f", sdk), sdk);

        CallSiteException sent = CallSiteException.of(original);
        CallSiteException received = throughChannel(sent);

        assertThat(received).hasMessage(original.getMessage()).hasNoCause();
        assertThat(received.error()).isEqualTo(original.error());
        assertThat(received.error().isExpiredCredentials()).isTrue();
        assertThat(received.failure()).isEqualTo("AwsCallException");
        assertThat(received.getStackTrace()).isEqualTo(original.getStackTrace());
    }

    @Test
    void otherFailuresSayWhatTheyWere() {
        CallSiteException sent = CallSiteException.of(new IllegalStateException("boom"));
        assertThat(sent).hasMessage("IllegalStateException: boom").hasNoCause();
        assertThat(sent.error()).isNull();
        assertThat(CallSiteException.of(sent)).isSameAs(sent);
    }

    @Test
    void callsFromIsParsedOrNamedInTheError() {
        assertThat(CallSite.parse(null)).isEqualTo(CallSite.CONTROLLER);
        assertThat(CallSite.parse(" ", CallSite.AGENT)).isEqualTo(CallSite.AGENT);
        assertThat(CallSite.parse(" Agent ")).isEqualTo(CallSite.AGENT);
        assertThat(CallSite.parse("controller", CallSite.AGENT)).isEqualTo(CallSite.CONTROLLER);
        assertThatThrownBy(() -> CallSite.parse("node"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("Invalid callsFrom: 'node' is neither of 'controller' and 'agent'");
        assertThat(CallSite.noAgent())
                .hasMessageContaining("callsFrom: 'agent'")
                .hasMessageContaining("wrap the step in node { ... } or set callsFrom: 'controller'");
        assertThat(CallSite.agentGone("PublishVersion", "f", "aws-1"))
                .hasMessageContaining("agent aws-1 is not connected");
        assertThat(CallSite.agentOffline("GetFunction", "f", "aws-1").describe())
                .contains("GetFunction on f failed: AgentNotConnected")
                .contains("agent aws-1 is not connected");
    }

    @Test
    void stsEndpointAsTheAwsCliFindsIt() {
        assertThat(StsEndpoint.fromEnvironment(Map.of())).isNull();
        assertThat(StsEndpoint.fromEnvironment(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4566")))
                .hasToString("http://127.0.0.1:4566");
        assertThat(StsEndpoint.fromEnvironment(Map.of(
                        "AWS_ENDPOINT_URL", "http://127.0.0.1:4566", "AWS_ENDPOINT_URL_STS", "http://127.0.0.1:1")))
                .hasToString("http://127.0.0.1:1");
        assertThatThrownBy(() -> StsEndpoint.fromEnvironment(Map.of("AWS_ENDPOINT_URL_STS", "not a url")))
                .hasMessageStartingWith("Invalid AWS_ENDPOINT_URL_STS");
    }

    @SuppressWarnings("unchecked")
    static <T> T throughChannel(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
