package dev.lambdadeploy.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.Environment;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.PackageType;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeResponse;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationResponse;

class FunctionLifecycleTest extends SimulatorFixture {

    @Test
    void createFunctionIsPendingForTheCreateDurationThenActive() {
        CreateFunctionResponse created = lambda.createFunction(r -> r.functionName("orders")
                .runtime("java17")
                .role("arn:aws:iam::123456789012:role/test")
                .handler("example.Handler::handleRequest")
                .description("the orders function")
                .tags(Map.of("team", "payments"))
                .code(FunctionCode.builder()
                        .zipFile(SdkBytes.fromByteArray(ZIP_A))
                        .build()));

        assertThat(created.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:orders");
        assertThat(created.version()).isEqualTo("$LATEST");
        assertThat(created.state()).isEqualTo(State.PENDING);
        assertThat(created.stateReasonCode().toString()).isEqualTo("Creating");
        assertThat(created.lastUpdateStatus()).isEqualTo(LastUpdateStatus.IN_PROGRESS);
        assertThat(created.codeSha256()).isEqualTo(sha(ZIP_A));
        assertThat(created.codeSize()).isEqualTo(ZIP_A.length);
        assertThat(created.timeout()).isEqualTo(3);
        assertThat(created.memorySize()).isEqualTo(128);
        assertThat(created.packageType()).isEqualTo(PackageType.ZIP);
        assertThat(created.architecturesAsStrings()).containsExactly("x86_64");
        assertThat(created.lastModified()).isEqualTo("2026-11-27T03:00:00.000+0000");

        advance(Duration.ofMillis(999));
        assertThat(config("orders").state()).isEqualTo(State.PENDING);

        advance(Duration.ofMillis(1));
        GetFunctionResponse got = lambda.getFunction(r -> r.functionName("orders"));
        assertThat(got.configuration().state()).isEqualTo(State.ACTIVE);
        assertThat(got.configuration().lastUpdateStatus()).isEqualTo(LastUpdateStatus.SUCCESSFUL);
        assertThat(got.configuration().stateReason()).isNull();
        assertThat(got.configuration().description()).isEqualTo("the orders function");
        assertThat(got.code().repositoryType()).isEqualTo("S3");
        assertThat(got.code().location()).startsWith("https://");
        assertThat(got.tags()).containsEntry("team", "payments");
    }

    @Test
    void updateFunctionCodeIsInProgressForTheUpdateDurationThenSuccessful() {
        createActive("f");
        String revisionBefore = config("f").revisionId();

        UpdateFunctionCodeResponse updated = updateCode("f", ZIP_B);

        assertThat(updated.state()).isEqualTo(State.ACTIVE);
        assertThat(updated.lastUpdateStatus()).isEqualTo(LastUpdateStatus.IN_PROGRESS);
        assertThat(updated.codeSha256()).isEqualTo(sha(ZIP_B));
        assertThat(updated.revisionId()).isNotEqualTo(revisionBefore);
        assertThat(sim.control().inspect("f").lastUpdateCompletedAt()).isNull();

        advance(Duration.ofMillis(500));
        assertThat(config("f").lastUpdateStatus()).isEqualTo(LastUpdateStatus.IN_PROGRESS);
        advance(Duration.ofMillis(500));
        var settled = config("f");
        assertThat(settled.lastUpdateStatus()).isEqualTo(LastUpdateStatus.SUCCESSFUL);
        assertThat(settled.codeSha256()).isEqualTo(sha(ZIP_B));
        assertThat(sim.control().inspect("f").lastUpdateCompletedAt()).isEqualTo(START.plusSeconds(2));
    }

    @Test
    void revisionIdChangesAgainWhenTheUpdateSettlesAsOnAws() {
        createActive("f");
        String duringUpdate = updateCode("f", ZIP_B).revisionId();
        advanceSeconds(1);
        assertThat(config("f").revisionId()).isNotEqualTo(duringUpdate);
    }

    @Test
    void failedUpdateReportsTheReasonAndLeavesThePreviousCodeLive() {
        createActive("f");
        sim.control().failNextUpdate("f", "InvalidZipFileException", "Could not unpack the uploaded file.");

        assertThat(updateCode("f", ZIP_B).lastUpdateStatus()).isEqualTo(LastUpdateStatus.IN_PROGRESS);
        advanceSeconds(1);

        var c = config("f");
        assertThat(c.state()).isEqualTo(State.ACTIVE);
        assertThat(c.lastUpdateStatus()).isEqualTo(LastUpdateStatus.FAILED);
        assertThat(c.lastUpdateStatusReasonCodeAsString()).isEqualTo("InvalidZipFileException");
        assertThat(c.lastUpdateStatusReason()).isEqualTo("Could not unpack the uploaded file.");
        assertThat(c.codeSha256()).isEqualTo(sha(ZIP_A));

        // only the next update fails
        updateCode("f", ZIP_B);
        advanceSeconds(1);
        assertThat(config("f").lastUpdateStatus()).isEqualTo(LastUpdateStatus.SUCCESSFUL);
        assertThat(config("f").codeSha256()).isEqualTo(sha(ZIP_B));
    }

    @Test
    void failedCreationEndsInStateFailed() {
        sim.control().failNextUpdate("broken", "InvalidRuntime", "The runtime is not supported.");
        createPending("broken");
        advanceSeconds(1);
        var c = config("broken");
        assertThat(c.state()).isEqualTo(State.FAILED);
        assertThat(c.stateReasonCodeAsString()).isEqualTo("InvalidRuntime");
        assertThat(c.lastUpdateStatus()).isEqualTo(LastUpdateStatus.FAILED);
    }

    @Test
    void updateDurationCanBeSetPerFunction() {
        createActive("slow");
        sim.control().updateDuration("slow", Duration.ofSeconds(25));
        updateCode("slow", ZIP_B);
        advanceSeconds(24);
        assertThat(config("slow").lastUpdateStatus()).isEqualTo(LastUpdateStatus.IN_PROGRESS);
        advanceSeconds(1);
        assertThat(config("slow").lastUpdateStatus()).isEqualTo(LastUpdateStatus.SUCCESSFUL);
    }

    @Test
    void updateFunctionConfigurationChangesTheSubsetAndGoesThroughInProgress() {
        createActive("f");
        UpdateFunctionConfigurationResponse r = lambda.updateFunctionConfiguration(u -> u.functionName("f")
                .description("new")
                .timeout(30)
                .memorySize(512)
                .handler("other.Handler")
                .runtime("java21")
                .environment(
                        Environment.builder().variables(Map.of("STAGE", "prod")).build()));

        assertThat(r.lastUpdateStatus()).isEqualTo(LastUpdateStatus.IN_PROGRESS);
        assertThat(r.description()).isEqualTo("new");
        assertThat(r.timeout()).isEqualTo(30);
        assertThat(r.memorySize()).isEqualTo(512);
        assertThat(r.handler()).isEqualTo("other.Handler");
        assertThat(r.runtimeAsString()).isEqualTo("java21");
        assertThat(r.environment().variables()).containsEntry("STAGE", "prod");
        assertThat(r.codeSha256()).isEqualTo(sha(ZIP_A));
        advanceSeconds(1);
        assertThat(config("f").lastUpdateStatus()).isEqualTo(LastUpdateStatus.SUCCESSFUL);
    }

    @Test
    void callsDuringCreationOrUpdateConflict() {
        createPending("f");
        String arn = "arn:aws:lambda:us-east-1:123456789012:function:f";
        assertThatThrownBy(() -> updateCode("f", ZIP_B))
                .isInstanceOf(ResourceConflictException.class)
                .hasMessageContaining(
                        "The operation cannot be performed at this time. An update is in progress for resource: "
                                + arn);
        advanceSeconds(1);

        updateCode("f", ZIP_B);
        assertThatThrownBy(() -> updateCode("f", ZIP_A)).isInstanceOf(ResourceConflictException.class);
        assertThatThrownBy(() -> lambda.updateFunctionConfiguration(
                        u -> u.functionName("f").timeout(9)))
                .isInstanceOf(ResourceConflictException.class);
        assertThatThrownBy(() -> lambda.publishVersion(p -> p.functionName("f")))
                .isInstanceOf(ResourceConflictException.class)
                .satisfies(e ->
                        assertThat(((ResourceConflictException) e).statusCode()).isEqualTo(409));
        advanceSeconds(1);
        assertThat(lambda.publishVersion(p -> p.functionName("f")).version()).isEqualTo("1");
    }

    @Test
    void codeSourceMustBeExactlyOne() {
        createActive("f");
        assertThatThrownBy(() -> lambda.updateFunctionCode(r -> r.functionName("f")))
                .isInstanceOf(InvalidParameterValueException.class);
        assertThatThrownBy(() -> lambda.updateFunctionCode(r -> r.functionName("f")
                        .zipFile(SdkBytes.fromByteArray(ZIP_A))
                        .s3Bucket("b")
                        .s3Key("k")))
                .isInstanceOf(InvalidParameterValueException.class)
                .satisfies(e -> assertThat(((InvalidParameterValueException) e).statusCode())
                        .isEqualTo(400));
        assertThatThrownBy(
                        () -> lambda.updateFunctionCode(r -> r.functionName("f").s3Bucket("b")))
                .isInstanceOf(InvalidParameterValueException.class);
    }

    @Test
    void s3SourceHashesTheObjectCoordinates() {
        createActive("f");
        var a = lambda.updateFunctionCode(
                r -> r.functionName("f").s3Bucket("b").s3Key("k.zip").s3ObjectVersion("3"));
        assertThat(a.codeSha256())
                .isEqualTo(sha("s3://b/k.zip?versionId=3".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void dryRunReturnsTheNewHashAndChangesNothing() {
        createActive("f");
        String revision = config("f").revisionId();
        var dry = lambda.updateFunctionCode(
                r -> r.functionName("f").zipFile(SdkBytes.fromByteArray(ZIP_B)).dryRun(true));
        assertThat(dry.codeSha256()).isEqualTo(sha(ZIP_B));
        var after = config("f");
        assertThat(after.codeSha256()).isEqualTo(sha(ZIP_A));
        assertThat(after.revisionId()).isEqualTo(revision);
        assertThat(after.lastUpdateStatus()).isEqualTo(LastUpdateStatus.SUCCESSFUL);
    }

    @Test
    void architecturesCanChangeWithTheCode() {
        createActive("f");
        var r = lambda.updateFunctionCode(
                u -> u.functionName("f").zipFile(SdkBytes.fromByteArray(ZIP_B)).architecturesWithStrings("arm64"));
        assertThat(r.architecturesAsStrings()).containsExactly("arm64");
    }

    @Test
    void imageFunctionsTakeOnlyImages() {
        lambda.createFunction(r -> r.functionName("img")
                .role("arn:aws:iam::123456789012:role/test")
                .packageType(PackageType.IMAGE)
                .code(FunctionCode.builder()
                        .imageUri("123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1")
                        .build()));
        advanceSeconds(1);
        var got = lambda.getFunction(r -> r.functionName("img"));
        assertThat(got.configuration().packageType()).isEqualTo(PackageType.IMAGE);
        assertThat(got.code().repositoryType()).isEqualTo("ECR");
        assertThat(got.code().imageUri()).endsWith("app:1");
        assertThatThrownBy(() -> updateCode("img", ZIP_B)).isInstanceOf(InvalidParameterValueException.class);
    }

    @Test
    void createFunctionTwiceConflicts() {
        createActive("f");
        assertThatThrownBy(() -> createPending("f")).isInstanceOf(ResourceConflictException.class);
    }

    @Test
    void zipFunctionsNeedRuntimeAndHandler() {
        assertThatThrownBy(() -> lambda.createFunction(r -> r.functionName("g")
                        .role("arn:aws:iam::123456789012:role/test")
                        .code(FunctionCode.builder()
                                .zipFile(SdkBytes.fromByteArray(ZIP_A))
                                .build())))
                .isInstanceOf(InvalidParameterValueException.class);
    }
}
