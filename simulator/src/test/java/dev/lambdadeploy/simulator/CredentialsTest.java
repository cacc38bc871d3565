package dev.lambdadeploy.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.LambdaException;

class CredentialsTest extends SimulatorFixture {

    @Test
    void anUnknownAccessKeyIsAnUnrecognizedClient() {
        try (var stranger =
                client(AwsBasicCredentials.create("AKIAUNKNOWN000000000", SimulatorCredentials.SECRET_ACCESS_KEY))) {
            assertThatThrownBy(() -> stranger.getFunction(r -> r.functionName("f")))
                    .isInstanceOfSatisfying(LambdaException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
                        assertThat(e.getMessage()).contains("The security token included in the request is invalid.");
                    });
        }
    }

    @Test
    void aWrongSecretIsAnInvalidSignature() {
        try (var wrong = client(AwsBasicCredentials.create(SimulatorCredentials.ACCESS_KEY_ID, "not-the-secret"))) {
            assertThatThrownBy(() -> wrong.getFunction(r -> r.functionName("f")))
                    .isInstanceOfSatisfying(LambdaException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                    });
        }
    }

    @Test
    void signaturesForAnotherRegionAreRejected() {
        try (var elsewhere = LambdaClient.builder()
                .endpointOverride(sim.endpoint())
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        SimulatorCredentials.ACCESS_KEY_ID, SimulatorCredentials.SECRET_ACCESS_KEY)))
                .httpClientBuilder(SimulatorFixture.httpClient())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
            assertThatThrownBy(() -> elsewhere.getFunction(r -> r.functionName("f")))
                    .isInstanceOfSatisfying(
                            LambdaException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException"));
        }
    }

    @Test
    void sessionTokensAreAccepted() {
        sim.control().createFunction("f", Duration.ZERO);
        try (var session = client(AwsSessionCredentials.create(
                SimulatorCredentials.ACCESS_KEY_ID,
                SimulatorCredentials.SECRET_ACCESS_KEY,
                "session-token/with+odd=chars"))) {
            assertThat(session.getFunction(r -> r.functionName("f"))
                            .configuration()
                            .functionName())
                    .isEqualTo("f");
        }
    }

    @Test
    void aRequestWithoutAuthorizationIsRejected() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(sim.endpoint() + "/2015-03-31/functions/f"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("x-amzn-errortype")).contains("UnrecognizedClientException");
        assertThat(r.headers().firstValue("x-amzn-requestid")).isPresent();
        assertThat(r.body()).contains("\"Type\":\"User\"").contains("\"message\":");
    }

    @Test
    void configuredKeyPairsReplaceTheDefaultOne() {
        try (var other = LambdaSimulator.builder()
                .clock(clock)
                .credentials("AKIAONE", "secret-one")
                .credentials("AKIATWO", "secret-two")
                .start()) {
            other.control().createFunction("f", Duration.ZERO);
            for (String[] pair : new String[][] {{"AKIAONE", "secret-one"}, {"AKIATWO", "secret-two"}}) {
                try (var c = clientFor(other, AwsBasicCredentials.create(pair[0], pair[1]))) {
                    assertThat(c.getFunction(r -> r.functionName("f"))
                                    .configuration()
                                    .functionName())
                            .isEqualTo("f");
                }
            }
            try (var c = clientFor(
                    other,
                    AwsBasicCredentials.create(
                            SimulatorCredentials.ACCESS_KEY_ID, SimulatorCredentials.SECRET_ACCESS_KEY))) {
                assertThatThrownBy(() -> c.getFunction(r -> r.functionName("f")))
                        .isInstanceOfSatisfying(
                                LambdaException.class,
                                e -> assertThat(e.awsErrorDetails().errorCode())
                                        .isEqualTo("UnrecognizedClientException"));
            }
        }
    }

    private static LambdaClient clientFor(LambdaSimulator s, AwsBasicCredentials credentials) {
        return LambdaClient.builder()
                .endpointOverride(s.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClientBuilder(SimulatorFixture.httpClient())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
