package dev.lambdadeploy.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.Environment;
import software.amazon.awssdk.services.lambda.model.EphemeralStorage;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.Layer;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;

class UpdateConfigurationTest extends SimulatorFixture {
    private static final String LAYER = "arn:aws:lambda:us-east-1:123456789012:layer:deps:3";

    @Test
    void everyConfigurationMemberIsAppliedAndShownByGetFunctionAndGetFunctionConfiguration() {
        createActive("f");
        var r = lambda.updateFunctionConfiguration(u -> u.functionName("f")
                .environment(Environment.builder().variables(Map.of("A", "1")).build())
                .memorySize(1024)
                .timeout(60)
                .handler("h.Other")
                .runtime("java21")
                .layers(LAYER)
                .description("d")
                .ephemeralStorage(EphemeralStorage.builder().size(2048).build()));
        assertThat(r.lastUpdateStatus()).isEqualTo(LastUpdateStatus.IN_PROGRESS);
        assertThat(r.layers()).extracting(Layer::arn).containsExactly(LAYER);
        assertThat(r.ephemeralStorage().size()).isEqualTo(2048);
        advanceSeconds(1);

        var c = config("f");
        assertThat(c.lastUpdateStatus()).isEqualTo(LastUpdateStatus.SUCCESSFUL);
        assertThat(c.environment().variables()).containsExactlyEntriesOf(Map.of("A", "1"));
        assertThat(c.memorySize()).isEqualTo(1024);
        assertThat(c.timeout()).isEqualTo(60);
        assertThat(c.handler()).isEqualTo("h.Other");
        assertThat(c.runtimeAsString()).isEqualTo("java21");
        assertThat(c.description()).isEqualTo("d");
        assertThat(c.layers()).extracting(Layer::arn).containsExactly(LAYER);
        assertThat(c.ephemeralStorage().size()).isEqualTo(2048);
        assertThat(c.architectures()).containsExactly(Architecture.X86_64);
        var g = lambda.getFunction(x -> x.functionName("f")).configuration();
        assertThat(g.layers()).extracting(Layer::arn).containsExactly(LAYER);
        assertThat(g.ephemeralStorage().size()).isEqualTo(2048);

        // members not given stay; Environment and Layers are replaced as a whole
        lambda.updateFunctionConfiguration(u -> u.functionName("f")
                .environment(Environment.builder().variables(Map.of("B", "2")).build())
                .layers(java.util.List.of()));
        advanceSeconds(1);
        c = config("f");
        assertThat(c.environment().variables()).containsExactlyEntriesOf(Map.of("B", "2"));
        assertThat(c.layers()).isEmpty();
        assertThat(c.memorySize()).isEqualTo(1024);
    }

    @Test
    void configurationUpdatesHaveTheirOwnDurationAndConflictWhileInProgress() {
        createActive("f");
        sim.control().configurationUpdateDuration("f", Duration.ofSeconds(5));
        lambda.updateFunctionConfiguration(u -> u.functionName("f").timeout(10));
        advanceSeconds(4);
        assertThat(config("f").lastUpdateStatus()).isEqualTo(LastUpdateStatus.IN_PROGRESS);
        assertThatThrownBy(() -> updateCode("f", ZIP_B)).isInstanceOf(ResourceConflictException.class);
        assertThatThrownBy(() -> lambda.updateFunctionConfiguration(
                        u -> u.functionName("f").timeout(11)))
                .isInstanceOfSatisfying(
                        ResourceConflictException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(409));
        advanceSeconds(1);
        assertThat(config("f").lastUpdateStatus()).isEqualTo(LastUpdateStatus.SUCCESSFUL);

        // code updates keep the update duration (1 s by default)
        updateCode("f", ZIP_B);
        advanceSeconds(1);
        assertThat(config("f").lastUpdateStatus()).isEqualTo(LastUpdateStatus.SUCCESSFUL);
        assertThat(config("f").timeout()).isEqualTo(10);
    }

    @Test
    void aStaleRevisionIdIsAPreconditionFailure() {
        createActive("f");
        String revision = config("f").revisionId();
        lambda.updateFunctionConfiguration(
                u -> u.functionName("f").revisionId(revision).timeout(8));
        advanceSeconds(1);
        assertThatThrownBy(() -> lambda.updateFunctionConfiguration(
                        u -> u.functionName("f").revisionId(revision).timeout(9)))
                .isInstanceOfSatisfying(
                        PreconditionFailedException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(412));
        assertThat(config("f").timeout()).isEqualTo(8);
    }

    @Test
    void aFailedConfigurationUpdateLeavesThePreviousConfigurationLive() {
        createActive("f");
        sim.control().failNextUpdate("f", "InvalidRuntime", "The runtime is not supported.");
        var r = lambda.updateFunctionConfiguration(
                u -> u.functionName("f").memorySize(256).runtime("java8"));
        assertThat(r.memorySize()).isEqualTo(256);
        assertThat(r.lastUpdateStatus()).isEqualTo(LastUpdateStatus.IN_PROGRESS);
        advanceSeconds(1);
        var c = config("f");
        assertThat(c.lastUpdateStatus()).isEqualTo(LastUpdateStatus.FAILED);
        assertThat(c.lastUpdateStatusReasonCodeAsString()).isEqualTo("InvalidRuntime");
        assertThat(c.lastUpdateStatusReason()).isEqualTo("The runtime is not supported.");
        assertThat(c.memorySize()).isEqualTo(128);
        assertThat(c.runtimeAsString()).isEqualTo("java17");
    }

    @Test
    void configurationThenCodeBackToBackSucceedsOnceTheFirstSettles() {
        createActive("f");
        lambda.updateFunctionConfiguration(u -> u.functionName("f").memorySize(512));
        assertThatThrownBy(() -> updateCode("f", ZIP_B)).isInstanceOf(ResourceConflictException.class);
        advanceSeconds(1);
        updateCode("f", ZIP_B);
        advanceSeconds(1);
        var c = config("f");
        assertThat(c.codeSha256()).isEqualTo(sha(ZIP_B));
        assertThat(c.memorySize()).isEqualTo(512);
    }

    @Test
    void badMembersAreRefused() {
        createActive("f");
        assertThatThrownBy(() -> lambda.updateFunctionConfiguration(
                        u -> u.functionName("f").layers("not-a-layer-arn")))
                .isInstanceOfSatisfying(
                        LambdaException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        assertThatThrownBy(() -> lambda.updateFunctionConfiguration(u -> u.functionName("f")
                        .ephemeralStorage(EphemeralStorage.builder().size(100).build())))
                .isInstanceOfSatisfying(
                        LambdaException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThatThrownBy(() -> lambda.updateFunctionConfiguration(u -> u.functionName("f")
                        .layers(LAYER, LAYER + "1", LAYER + "2", LAYER + "3", LAYER + "4", LAYER + "5")))
                .isInstanceOfSatisfying(
                        LambdaException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValueException"));
        assertThat(config("f").lastUpdateStatus()).isEqualTo(LastUpdateStatus.SUCCESSFUL);
        assertThat(lambda.updateFunctionCode(u -> u.functionName("f").zipFile(SdkBytes.fromByteArray(ZIP_B)))
                        .lastUpdateStatus())
                .isEqualTo(LastUpdateStatus.IN_PROGRESS);
    }
}
