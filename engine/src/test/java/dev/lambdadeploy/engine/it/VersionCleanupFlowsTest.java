package dev.lambdadeploy.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdadeploy.engine.CleanupRequest;
import dev.lambdadeploy.engine.CleanupResult;
import dev.lambdadeploy.engine.InvalidParameterException;
import dev.lambdadeploy.engine.release.VersionCleanup.Kept;
import dev.lambdadeploy.engine.release.VersionCleanup.KeptBecause;
import dev.lambdadeploy.simulator.Fault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/** Version cleanup through the real SDK against the simulator, on a manual clock. */
class VersionCleanupFlowsTest {

    private static final String FN = "orders-api";

    private final SimulatedLambda aws = new SimulatedLambda();

    @BeforeEach
    void function() {
        aws.simulator.control().createFunction(FN, Duration.ZERO);
        aws.simulator.control().updateDuration(FN, Duration.ZERO);
    }

    @AfterEach
    void close() {
        aws.close();
    }

    /** Publishes versions 1..n, one day apart, the newest now. */
    private void publish(int n) {
        for (int i = 1; i <= n; i++) {
            byte[] zip = SimulatedLambda.zip("v" + i);
            aws.lambda().updateFunctionCode(b -> b.functionName(FN).zipFile(SdkBytes.fromByteArray(zip)));
            aws.clock.advance(Duration.ofSeconds(1));
            aws.lambda().publishVersion(b -> b.functionName(FN).description("v"));
            aws.clock.advance(Duration.ofDays(1).minusSeconds(1));
        }
    }

    private List<String> versionsLeft() {
        return aws.lambda().listVersionsByFunction(b -> b.functionName(FN)).versions().stream()
                .map(FunctionConfiguration::version)
                .toList();
    }

    private CleanupRequest.Builder cleanup() {
        return CleanupRequest.builder().functionName(FN);
    }

    @Test
    void neverDeletesAnAliasedOrWeightedVersionAndKeepsTheNewest() throws InterruptedException {
        publish(8);
        aws.lambda().createAlias(b -> b.functionName(FN).name("prod").functionVersion("2"));
        aws.lambda()
                .createAlias(b -> b.functionName(FN)
                        .name("canary")
                        .functionVersion("4")
                        .routingConfig(r -> r.additionalVersionWeights(Map.of("3", 0.1))));

        CleanupResult result =
                aws.deployer().cleanupVersions(cleanup().keepNewest(2).build());

        assertThat(result.deleted()).containsExactly("1", "5", "6");
        assertThat(result.kept())
                .containsExactlyInAnyOrder(
                        new Kept("8", KeptBecause.AMONG_THE_NEWEST),
                        new Kept("7", KeptBecause.AMONG_THE_NEWEST),
                        new Kept("4", KeptBecause.ROUTED_TO_BY_AN_ALIAS),
                        new Kept("3", KeptBecause.ROUTED_TO_BY_AN_ALIAS),
                        new Kept("2", KeptBecause.ROUTED_TO_BY_AN_ALIAS));
        assertThat(versionsLeft()).containsExactly("$LATEST", "2", "3", "4", "7", "8");
        assertThat(aws.log.lines()).contains("  Deleted version 5", "  Keeping version 3: routed to by an alias");
    }

    @Test
    void keepsVersionsYoungerThanTheLimitAndReadsEveryPage() throws InterruptedException {
        publish(60); // ListVersionsByFunction pages hold 50

        CleanupResult result = aws.deployer()
                .cleanupVersions(cleanup().keepYoungerThan(Duration.ofDays(3)).build());

        assertThat(aws.calls("ListVersionsByFunction")).isEqualTo(2);
        assertThat(result.deleted()).hasSize(57).startsWith("1").endsWith("57");
        assertThat(versionsLeft()).containsExactly("$LATEST", "58", "59", "60");
    }

    @Test
    void aDryRunListsWhatWouldGoAndDeletesNothing() throws InterruptedException {
        publish(4);

        CleanupResult result = aws.deployer()
                .cleanupVersions(cleanup().keepNewest(1).dryRun(true).build());

        assertThat(result.dryRun()).isTrue();
        assertThat(result.deleted()).containsExactly("1", "2", "3");
        assertThat(versionsLeft()).hasSize(5);
        assertThat(aws.calls("DeleteFunction")).isZero();
        assertThat(aws.log.lines()).contains("  Would delete version 1");
    }

    @Test
    void a409OnADeleteIsReportedAndSkipped() throws InterruptedException {
        publish(4);
        aws.simulator.control().inject("DeleteFunction", Fault.status(409, "ResourceConflictException", 1));

        CleanupResult result =
                aws.deployer().cleanupVersions(cleanup().keepNewest(1).build());

        assertThat(result.skipped()).containsExactly("1");
        assertThat(result.deleted()).containsExactly("2", "3");
        assertThat(versionsLeft()).containsExactly("$LATEST", "1", "4");
        assertThat(aws.log.warnings()).anySatisfy(w -> assertThat(w).contains("Version 1 was not deleted"));
    }

    @Test
    void aThrottledDeleteIsRetried() throws InterruptedException {
        try (SimulatedLambda noSdkRetries = new SimulatedLambda(
                dev.lambdadeploy.simulator.SimulatorCredentials.ACCESS_KEY_ID,
                dev.lambdadeploy.simulator.SimulatorCredentials.SECRET_ACCESS_KEY,
                false)) {
            noSdkRetries.simulator.control().createFunction(FN, Duration.ZERO);
            noSdkRetries.simulator.control().updateDuration(FN, Duration.ZERO);
            noSdkRetries.lambda().publishVersion(b -> b.functionName(FN));
            byte[] zip = SimulatedLambda.zip("v2");
            noSdkRetries.lambda().updateFunctionCode(b -> b.functionName(FN).zipFile(SdkBytes.fromByteArray(zip)));
            noSdkRetries.lambda().publishVersion(b -> b.functionName(FN));
            noSdkRetries.simulator.control().inject("DeleteFunction", Fault.throttle(2));

            CleanupResult result = noSdkRetries
                    .deployer()
                    .cleanupVersions(CleanupRequest.builder()
                            .functionName(FN)
                            .keepNewest(1)
                            .build());

            assertThat(result.deleted()).containsExactly("1");
            assertThat(noSdkRetries.calls("DeleteFunction")).isEqualTo(3);
            assertThat(noSdkRetries.log.warnings())
                    .filteredOn(w -> w.contains("Throttled by Lambda on DeleteFunction"))
                    .hasSize(2);
        }
    }

    @Test
    void throttlingBeyondMaxRetriesFailsTheCleanup() {
        try (SimulatedLambda noSdkRetries = new SimulatedLambda(
                dev.lambdadeploy.simulator.SimulatorCredentials.ACCESS_KEY_ID,
                dev.lambdadeploy.simulator.SimulatorCredentials.SECRET_ACCESS_KEY,
                false)) {
            noSdkRetries.simulator.control().createFunction(FN, Duration.ZERO);
            noSdkRetries.simulator.control().updateDuration(FN, Duration.ZERO);
            noSdkRetries.lambda().publishVersion(b -> b.functionName(FN));
            byte[] zip = SimulatedLambda.zip("v2");
            noSdkRetries.lambda().updateFunctionCode(b -> b.functionName(FN).zipFile(SdkBytes.fromByteArray(zip)));
            noSdkRetries.lambda().publishVersion(b -> b.functionName(FN));
            noSdkRetries.simulator.control().inject("DeleteFunction", Fault.throttle(5));

            assertThatThrownBy(() -> noSdkRetries
                            .deployer()
                            .cleanupVersions(CleanupRequest.builder()
                                    .functionName(FN)
                                    .keepNewest(1)
                                    .maxRetries(1)
                                    .build()))
                    .isInstanceOf(dev.lambdadeploy.engine.AwsCallException.class)
                    .hasMessageContaining("TooManyRequestsException");
            assertThat(noSdkRetries.calls("DeleteFunction")).isEqualTo(2);
        }
    }

    @Test
    void withoutAKeepRuleNothingIsCalled() {
        assertThatThrownBy(() -> cleanup().build())
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("keepVersions");
        assertThat(aws.simulator.journal().entries()).isEmpty();
    }
}
