package dev.lambdadeploy.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.InvalidNextTokenException;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/** DescribeAlarms through the unmodified SDK CloudWatch client, on the same endpoint as Lambda. */
class CloudWatchAlarmsTest extends SimulatorFixture {
    CloudWatchClient cloudWatch;

    @BeforeEach
    void cloudWatchClient() {
        cloudWatch = CloudWatchClient.builder()
                .endpointOverride(sim.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        SimulatorCredentials.ACCESS_KEY_ID, SimulatorCredentials.SECRET_ACCESS_KEY)))
                .httpClientBuilder(SimulatorFixture.httpClient())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @AfterEach
    void closeCloudWatch() {
        cloudWatch.close();
    }

    MetricAlarm alarm(String name) {
        DescribeAlarmsResponse r = cloudWatch.describeAlarms(d -> d.alarmNames(name));
        assertThat(r.metricAlarms()).hasSize(1);
        return r.metricAlarms().get(0);
    }

    @Test
    void alarmStatesFollowTheirScriptOverTheClock() {
        sim.control().createAlarm("errors");
        sim.control().alarmStateAt("errors", Duration.ofSeconds(30), "OK", "Threshold not crossed");
        sim.control().alarmStateAt("errors", START.plusSeconds(90), "ALARM", "Threshold Crossed: 1 datapoint [3.0]");

        MetricAlarm a = alarm("errors");
        assertThat(a.stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);
        assertThat(a.stateReason()).isEqualTo("Unchecked: Initial alarm creation");
        assertThat(a.alarmArn()).isEqualTo("arn:aws:cloudwatch:us-east-1:123456789012:alarm:errors");
        assertThat(a.stateUpdatedTimestamp()).isEqualTo(START);

        advanceSeconds(30);
        a = alarm("errors");
        assertThat(a.stateValue()).isEqualTo(StateValue.OK);
        assertThat(a.stateReason()).isEqualTo("Threshold not crossed");
        assertThat(a.stateUpdatedTimestamp()).isEqualTo(START.plusSeconds(30));

        advanceSeconds(59);
        assertThat(alarm("errors").stateValue()).isEqualTo(StateValue.OK);
        advance(Duration.ofMillis(1500));
        a = alarm("errors");
        assertThat(a.stateValue()).isEqualTo(StateValue.ALARM);
        assertThat(a.stateReason()).startsWith("Threshold Crossed");
        assertThat(a.stateUpdatedTimestamp()).isEqualTo(START.plusSeconds(90));
        assertThat(a.stateTransitionedTimestamp()).isEqualTo(START.plusSeconds(90));
        assertThat(a.alarmConfigurationUpdatedTimestamp()).isEqualTo(START);
        assertThat(sim.control().alarm("errors").state()).isEqualTo("ALARM");
    }

    @Test
    void namesPrefixStateValueAndPagesSelectAlarms() {
        for (String name : new String[] {"api-errors", "api-latency", "db-cpu"}) {
            sim.control().alarmStateAt(name, Duration.ZERO, "OK", "fine");
        }
        sim.control().alarmStateAt("api-latency", Duration.ZERO, "ALARM", "slow");

        assertThat(cloudWatch
                        .describeAlarms(d -> d.alarmNames("db-cpu", "api-errors", "nope"))
                        .metricAlarms())
                .extracting(MetricAlarm::alarmName)
                .containsExactly("api-errors", "db-cpu");
        assertThat(cloudWatch.describeAlarms(d -> d.alarmNamePrefix("api-")).metricAlarms())
                .extracting(MetricAlarm::alarmName)
                .containsExactly("api-errors", "api-latency");
        assertThat(cloudWatch
                        .describeAlarms(d -> d.stateValue(StateValue.ALARM))
                        .metricAlarms())
                .extracting(MetricAlarm::alarmName)
                .containsExactly("api-latency");
        assertThat(cloudWatch
                        .describeAlarms(d -> d.alarmTypesWithStrings("CompositeAlarm"))
                        .metricAlarms())
                .isEmpty();

        DescribeAlarmsResponse first = cloudWatch.describeAlarms(d -> d.maxRecords(2));
        assertThat(first.metricAlarms()).hasSize(2);
        assertThat(first.nextToken()).isNotNull();
        DescribeAlarmsResponse rest =
                cloudWatch.describeAlarms(d -> d.maxRecords(2).nextToken(first.nextToken()));
        assertThat(rest.metricAlarms()).extracting(MetricAlarm::alarmName).containsExactly("db-cpu");
        assertThat(rest.nextToken()).isNull();
        assertThat(cloudWatch.describeAlarmsPaginator(d -> d.maxRecords(1)).metricAlarms())
                .extracting(MetricAlarm::alarmName)
                .containsExactly("api-errors", "api-latency", "db-cpu");
    }

    @Test
    void badRequestsAreRefusedInCloudWatchsTerms() {
        assertThatThrownBy(() -> cloudWatch.describeAlarms(d -> d.nextToken("garbage")))
                .isInstanceOfSatisfying(
                        InvalidNextTokenException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThatThrownBy(
                        () -> cloudWatch.describeAlarms(d -> d.alarmNames("a").alarmNamePrefix("b")))
                .isInstanceOfSatisfying(
                        CloudWatchException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterCombination"));
        assertThatThrownBy(() -> sim.control().alarmStateAt("x", Duration.ZERO, "RED", "no"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void faultsAndTheJournalCoverDescribeAlarms() {
        sim.control().createAlarm("errors");
        sim.control().inject("DescribeAlarms", Fault.status(500, "InternalServiceFault", 1));
        assertThatThrownBy(() -> alarm("errors")).isInstanceOfSatisfying(CloudWatchException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(500);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalServiceFault");
        });
        sim.control().inject("DescribeAlarms", Fault.throttle(1));
        assertThatThrownBy(() -> alarm("errors")).isInstanceOfSatisfying(CloudWatchException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(429);
            assertThat(e.isThrottlingException()).isTrue();
        });
        sim.control().inject("DescribeAlarms", Fault.connectionReset(1));
        assertThatThrownBy(() -> alarm("errors")).isInstanceOf(SdkClientException.class);
        assertThat(alarm("errors").stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);

        assertThat(sim.journal().count("DescribeAlarms")).isEqualTo(4);
        assertThat(sim.journal().entries()).extracting(JournalEntry::status).containsExactly(500, 429, 0, 200);
    }

    @Test
    void describeAlarmsHasItsOwnQuotaOfNinePerSecond() {
        sim.control().quotas(true);
        sim.control().createAlarm("errors");
        for (int i = 0; i < 9; i++) {
            alarm("errors");
        }
        assertThatThrownBy(() -> alarm("errors"))
                .isInstanceOfSatisfying(
                        CloudWatchException.class,
                        e -> assertThat(e.isThrottlingException()).isTrue());
        // Lambda's quota is apart
        sim.control().createFunction("f", Duration.ZERO);
        config("f");
        advanceSeconds(1);
        assertThat(alarm("errors").alarmName()).isEqualTo("errors");
    }

    @Test
    void anUnknownKeyIsRefused() {
        try (CloudWatchClient wrong = CloudWatchClient.builder()
                .endpointOverride(sim.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDWRONG", "secret")))
                .httpClientBuilder(SimulatorFixture.httpClient())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
            assertThatThrownBy(() -> wrong.describeAlarms(d -> d.alarmNames("x")))
                    .isInstanceOfSatisfying(
                            CloudWatchException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }

    /** AWS JSON 1.0, which no SDK used here sends: a request signed with the SDK's SigV4 signer, sent by the JDK. */
    @Test
    void theJson10ProtocolIsServedToo() throws Exception {
        sim.control().alarmStateAt("errors", Duration.ZERO, "ALARM", "Threshold Crossed");
        byte[] body = "{\"AlarmNames\":[\"errors\"]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var request = software.amazon.awssdk.http.SdkHttpFullRequest.builder()
                .method(software.amazon.awssdk.http.SdkHttpMethod.POST)
                .uri(sim.endpoint().resolve("/"))
                .putHeader("Content-Type", "application/x-amz-json-1.0")
                .putHeader("X-Amz-Target", "GraniteServiceVersion20100801.DescribeAlarms")
                .build();
        var signed = software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.create()
                .sign(r -> r.identity(AwsBasicCredentials.create(
                                SimulatorCredentials.ACCESS_KEY_ID, SimulatorCredentials.SECRET_ACCESS_KEY))
                        .request(request)
                        .payload(software.amazon.awssdk.http.ContentStreamProvider.fromByteArray(body))
                        .putProperty(
                                software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.SERVICE_SIGNING_NAME,
                                "monitoring")
                        .putProperty(
                                software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.REGION_NAME, "us-east-1"));
        var http = java.net.http.HttpRequest.newBuilder(sim.endpoint().resolve("/"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body));
        signed.request().headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                values.forEach(v -> http.header(name, v));
            }
        });
        var client = java.net.http.HttpClient.newHttpClient(); // Java 17: not AutoCloseable
        var answer = client.send(http.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).contains("application/x-amz-json-1.0");
        var json = RequestBody.MAPPER.readTree(answer.body());
        assertThat(json.at("/MetricAlarms/0/StateValue").asText()).isEqualTo("ALARM");
        assertThat(json.at("/MetricAlarms/0/StateUpdatedTimestamp").asDouble()).isEqualTo(START.getEpochSecond());
    }
}
