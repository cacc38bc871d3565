package dev.lambdadeploy.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/** STS on the simulator's endpoint, through the SDK's StsClient: temporary keys Lambda accepts until they expire. */
class StsTest extends SimulatorFixture {

    static final String ROLE = "arn:aws:iam::210987654321:role/deployer";

    StsClient sts;
    java.time.Instant now;

    @BeforeEach
    void startSts() {
        sts = sts(
                AwsBasicCredentials.create(SimulatorCredentials.ACCESS_KEY_ID, SimulatorCredentials.SECRET_ACCESS_KEY));
        createActive("f");
        sim.journal().clear();
        now = clock.instant();
    }

    @AfterEach
    void stopSts() {
        sts.close();
    }

    StsClient sts(AwsCredentials credentials) {
        return StsClient.builder()
                .endpointOverride(sim.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClientBuilder(SimulatorFixture.httpClient())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    static AwsSessionCredentials session(Credentials c) {
        return AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
    }

    @Test
    void getSessionTokenIssuesTemporaryKeysThatLambdaAcceptsAndTheJournalNames() {
        Credentials c = sts.getSessionToken(r -> r.durationSeconds(3600)).credentials();

        assertThat(c.accessKeyId()).startsWith("ASIA").hasSize(20);
        assertThat(c.secretAccessKey()).isNotBlank();
        assertThat(c.sessionToken()).isNotBlank();
        assertThat(c.expiration()).isEqualTo(now.plus(Duration.ofHours(1)));
        try (var temporary = client(session(c))) {
            assertThat(temporary
                            .getFunction(r -> r.functionName("f"))
                            .configuration()
                            .functionName())
                    .isEqualTo("f");
        }
        List<JournalEntry> entries = sim.journal().entries();
        assertThat(entries)
                .extracting(JournalEntry::operation, JournalEntry::status, JournalEntry::accessKeyId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("GetSessionToken", 200, SimulatorCredentials.ACCESS_KEY_ID),
                        org.assertj.core.groups.Tuple.tuple("GetFunction", 200, c.accessKeyId()));
    }

    @Test
    void temporaryKeysExpireOnTheSimulatorsClock() {
        Credentials c = sts.getSessionToken(r -> r.durationSeconds(900)).credentials();
        try (var temporary = client(session(c))) {
            advance(Duration.ofSeconds(899));
            temporary.getFunction(r -> r.functionName("f"));
            advance(Duration.ofSeconds(1));
            assertThatThrownBy(() -> temporary.getFunction(r -> r.functionName("f")))
                    .isInstanceOfSatisfying(LambdaException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredTokenException");
                    });
        }
    }

    @Test
    void aTemporaryKeyWithoutItsSessionTokenIsRefused() {
        Credentials c = sts.getSessionToken(r -> r.durationSeconds(900)).credentials();
        try (var noToken = client(AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey()));
                var wrongToken =
                        client(AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), "not-the-token"))) {
            for (var client : List.of(noToken, wrongToken)) {
                assertThatThrownBy(() -> client.getFunction(r -> r.functionName("f")))
                        .isInstanceOfSatisfying(
                                LambdaException.class,
                                e -> assertThat(e.awsErrorDetails().errorCode())
                                        .isEqualTo("UnrecognizedClientException"));
            }
        }
    }

    @Test
    void assumeRoleIssuesTheRolesTemporaryKeys() {
        AssumeRoleResponse role = sts.assumeRole(r -> r.roleArn(ROLE)
                .roleSessionName("lambda-deploy")
                .externalId("x-1")
                .durationSeconds(1800));

        assertThat(role.assumedRoleUser().arn())
                .isEqualTo("arn:aws:sts::210987654321:assumed-role/deployer/lambda-deploy");
        assertThat(role.assumedRoleUser().assumedRoleId()).matches("AROA[0-9A-Z]{17}:lambda-deploy");
        assertThat(role.credentials().accessKeyId()).startsWith("ASIA");
        assertThat(role.credentials().expiration()).isEqualTo(now.plus(Duration.ofMinutes(30)));
        try (var asRole = client(session(role.credentials()))) {
            asRole.getFunction(r -> r.functionName("f"));
        }
        assertThat(sim.journal().entries())
                .extracting(JournalEntry::accessKeyId)
                .containsExactly(
                        SimulatorCredentials.ACCESS_KEY_ID, role.credentials().accessKeyId());
    }

    @Test
    void getSessionTokenNeedsLongTermKeysAsOnAws() {
        Credentials c = sts.getSessionToken(r -> r.durationSeconds(900)).credentials();
        try (var temporary = sts(session(c))) {
            assertThatThrownBy(() -> temporary.getSessionToken(r -> r.durationSeconds(900)))
                    .isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    });
            // role chaining is allowed
            assertThat(temporary
                            .assumeRole(r -> r.roleArn(ROLE).roleSessionName("chained"))
                            .credentials()
                            .expiration())
                    .isEqualTo(now.plus(Duration.ofHours(1)));
        }
    }

    @Test
    void durationsOutsideStsLimitsAreValidationErrors() {
        assertThatThrownBy(() -> sts.getSessionToken(r -> r.durationSeconds(899)))
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("durationSeconds");
                });
        assertThatThrownBy(() ->
                        sts.assumeRole(r -> r.roleArn(ROLE).roleSessionName("s").durationSeconds(3600)))
                .isInstanceOfSatisfying(
                        StsException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("roleSessionName"));
    }

    @Test
    void unknownKeysAreInvalidClientTokenIds() {
        try (var stranger = sts(AwsBasicCredentials.create("AKIAUNKNOWN000000000", "secret"))) {
            assertThatThrownBy(() -> stranger.getSessionToken()).isInstanceOfSatisfying(StsException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
            });
        }
        assertThat(sim.journal().entries())
                .singleElement()
                .satisfies(e -> assertThat(e.accessKeyId()).isEqualTo("AKIAUNKNOWN000000000"));
    }

    @Test
    void otherQueryActionsAreInvalidActions() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(sim.endpoint())
                                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                        "Action=DescribeAlarms&Version=2010-08-01"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("<Code>InvalidAction</Code>")
                .contains("Could not find operation DescribeAlarms for version 2010-08-01");
    }
}
