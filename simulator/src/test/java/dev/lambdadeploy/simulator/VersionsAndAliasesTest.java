package dev.lambdadeploy.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.AliasRoutingConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.PublishVersionResponse;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.State;

class VersionsAndAliasesTest extends SimulatorFixture {

    @Test
    void publishVersionNumbersVersionsAndKeepsTheirCode() {
        createActive("f");
        PublishVersionResponse v1 = lambda.publishVersion(
                p -> p.functionName("f").description("first").codeSha256(sha(ZIP_A)));
        assertThat(v1.version()).isEqualTo("1");
        assertThat(v1.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:f:1");
        assertThat(v1.description()).isEqualTo("first");
        assertThat(v1.state()).isEqualTo(State.ACTIVE);
        assertThat(v1.sdkHttpResponse().statusCode()).isEqualTo(201);

        updateCode("f", ZIP_B);
        advanceSeconds(1);
        PublishVersionResponse v2 = lambda.publishVersion(p -> p.functionName("f"));
        assertThat(v2.version()).isEqualTo("2");
        assertThat(v2.codeSha256()).isEqualTo(sha(ZIP_B));

        var one = lambda.getFunction(r -> r.functionName("f").qualifier("1")).configuration();
        assertThat(one.version()).isEqualTo("1");
        assertThat(one.codeSha256()).isEqualTo(sha(ZIP_A));
        assertThat(sim.control().inspect("f").versions())
                .extracting(FunctionView.VersionView::version, FunctionView.VersionView::codeSha256)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1", sha(ZIP_A)),
                        org.assertj.core.groups.Tuple.tuple("2", sha(ZIP_B)));
    }

    @Test
    void publishingUnchangedCodeReturnsTheLastVersion() {
        createActive("f");
        var first = lambda.publishVersion(p -> p.functionName("f"));
        var again = lambda.publishVersion(p -> p.functionName("f").description("again"));
        assertThat(again.version()).isEqualTo(first.version());
        assertThat(again.revisionId()).isEqualTo(first.revisionId());
        assertThat(again.sdkHttpResponse().statusCode()).isEqualTo(200);
        assertThat(sim.control().inspect("f").versions()).hasSize(1);
    }

    @Test
    void publishWithAnotherCodeSha256IsRejected() {
        createActive("f");
        assertThatThrownBy(() -> lambda.publishVersion(p -> p.functionName("f").codeSha256(sha(ZIP_B))))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining(
                        "CodeSHA256 (" + sha(ZIP_B) + ") is different from current CodeSHA256 in $LATEST (" + sha(ZIP_A)
                                + "). Please try again with the current CodeSHA256.");
    }

    @Test
    void revisionIdMismatchFailsThePrecondition() {
        createActive("f");
        String stale = config("f").revisionId();
        lambda.updateFunctionConfiguration(u -> u.functionName("f").description("changed"));
        advanceSeconds(1);

        assertThatThrownBy(() -> lambda.publishVersion(p -> p.functionName("f").revisionId(stale)))
                .isInstanceOf(PreconditionFailedException.class)
                .satisfies(e -> assertThat(((PreconditionFailedException) e).statusCode())
                        .isEqualTo(412));
        assertThatThrownBy(() -> lambda.updateFunctionCode(r -> r.functionName("f")
                        .zipFile(SdkBytes.fromByteArray(ZIP_B))
                        .revisionId(stale)))
                .isInstanceOf(PreconditionFailedException.class);
        assertThatThrownBy(() -> lambda.updateFunctionConfiguration(
                        u -> u.functionName("f").timeout(7).revisionId(stale)))
                .isInstanceOf(PreconditionFailedException.class);

        String current = config("f").revisionId();
        assertThat(lambda.publishVersion(p -> p.functionName("f").revisionId(current))
                        .version())
                .isEqualTo("1");
    }

    @Test
    void updateWithPublishCreatesAVersionThatIsPendingUntilTheUpdateEnds() {
        createActive("f");
        var r = lambda.updateFunctionCode(
                u -> u.functionName("f").zipFile(SdkBytes.fromByteArray(ZIP_B)).publish(true));
        assertThat(r.version()).isEqualTo("1");
        assertThat(r.state()).isEqualTo(State.PENDING);
        advanceSeconds(1);
        var v1 = lambda.getFunctionConfiguration(g -> g.functionName("f").qualifier("1"));
        assertThat(v1.state()).isEqualTo(State.ACTIVE);
        assertThat(v1.codeSha256()).isEqualTo(sha(ZIP_B));
    }

    @Test
    void createWithPublishMakesVersionOne() {
        var created = lambda.createFunction(r -> r.functionName("f")
                .runtime("java17")
                .role("arn:aws:iam::123456789012:role/test")
                .handler("example.Handler::handleRequest")
                .publish(true)
                .code(software.amazon.awssdk.services.lambda.model.FunctionCode.builder()
                        .zipFile(SdkBytes.fromByteArray(ZIP_A))
                        .build()));
        assertThat(created.version()).isEqualTo("1");
        assertThat(created.state()).isEqualTo(State.PENDING);
        advanceSeconds(1);
        assertThat(lambda.getFunctionConfiguration(g -> g.functionName("f:1")).state())
                .isEqualTo(State.ACTIVE);
    }

    @Test
    void aVersionWhoseUpdateFailedCannotReceiveAnAlias() {
        createActive("f");
        lambda.publishVersion(p -> p.functionName("f"));
        lambda.createAlias(a -> a.functionName("f").name("live").functionVersion("1"));
        sim.control().failNextUpdate("f", "EniLimitExceeded", "Too many network interfaces.");
        lambda.updateFunctionCode(
                u -> u.functionName("f").zipFile(SdkBytes.fromByteArray(ZIP_B)).publish(true));
        advanceSeconds(1);

        assertThat(lambda.getFunctionConfiguration(g -> g.functionName("f").qualifier("2"))
                        .state())
                .isEqualTo(State.FAILED);
        assertThatThrownBy(() ->
                        lambda.updateAlias(a -> a.functionName("f").name("live").functionVersion("2")))
                .isInstanceOf(ResourceConflictException.class);
        assertThat(lambda.getAlias(a -> a.functionName("f").name("live")).functionVersion())
                .isEqualTo("1");
    }

    @Test
    void listVersionsByFunctionPagesThroughLatestAndVersions() {
        createActive("f");
        lambda.publishVersion(p -> p.functionName("f"));
        updateCode("f", ZIP_B);
        advanceSeconds(1);
        lambda.publishVersion(p -> p.functionName("f"));

        var all = lambda.listVersionsByFunction(l -> l.functionName("f"));
        assertThat(all.versions()).extracting(FunctionConfiguration::version).containsExactly("$LATEST", "1", "2");
        assertThat(all.nextMarker()).isNull();

        var page = lambda.listVersionsByFunction(l -> l.functionName("f").maxItems(2));
        assertThat(page.versions()).hasSize(2);
        var rest = lambda.listVersionsByFunction(
                l -> l.functionName("f").maxItems(2).marker(page.nextMarker()));
        assertThat(rest.versions()).extracting(FunctionConfiguration::version).containsExactly("2");

        assertThat(lambda.listVersionsByFunctionPaginator(
                                l -> l.functionName("f").maxItems(1))
                        .versions())
                .extracting(FunctionConfiguration::version)
                .containsExactly("$LATEST", "1", "2");
    }

    @Test
    void aliasesCanBeCreatedReadAndMovedWithWeights() {
        createActive("f");
        lambda.publishVersion(p -> p.functionName("f"));
        updateCode("f", ZIP_B);
        advanceSeconds(1);
        lambda.publishVersion(p -> p.functionName("f"));

        var created = lambda.createAlias(
                a -> a.functionName("f").name("live").functionVersion("1").description("prod"));
        assertThat(created.aliasArn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:f:live");
        assertThat(created.functionVersion()).isEqualTo("1");
        assertThat(created.sdkHttpResponse().statusCode()).isEqualTo(201);

        var got = lambda.getAlias(a -> a.functionName("f").name("live"));
        assertThat(got.description()).isEqualTo("prod");
        assertThat(got.revisionId()).isEqualTo(created.revisionId());

        var canary = lambda.updateAlias(a -> a.functionName("f")
                .name("live")
                .revisionId(got.revisionId())
                .routingConfig(AliasRoutingConfiguration.builder()
                        .additionalVersionWeights(Map.of("2", 0.1))
                        .build()));
        assertThat(canary.functionVersion()).isEqualTo("1");
        assertThat(canary.routingConfig().additionalVersionWeights()).containsEntry("2", 0.1);

        assertThatThrownBy(() -> lambda.updateAlias(a ->
                        a.functionName("f").name("live").functionVersion("2").revisionId(got.revisionId())))
                .isInstanceOf(PreconditionFailedException.class);

        var moved = lambda.updateAlias(a -> a.functionName("f")
                .name("live")
                .functionVersion("2")
                .routingConfig(AliasRoutingConfiguration.builder()
                        .additionalVersionWeights(Map.of())
                        .build()));
        assertThat(moved.functionVersion()).isEqualTo("2");
        assertThat(moved.routingConfig()).isNull();
        assertThat(sim.control().inspect("f").aliases()).containsEntry("live", "2");

        assertThat(lambda.getFunction(r -> r.functionName("f").qualifier("live"))
                        .configuration()
                        .version())
                .isEqualTo("2");
    }

    @Test
    void aliasErrors() {
        createActive("f");
        assertThatThrownBy(() -> lambda.getAlias(a -> a.functionName("f").name("nope")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() ->
                        lambda.createAlias(a -> a.functionName("f").name("live").functionVersion("7")))
                .isInstanceOf(ResourceNotFoundException.class);
        lambda.createAlias(a -> a.functionName("f").name("live").functionVersion("$LATEST"));
        assertThatThrownBy(() ->
                        lambda.createAlias(a -> a.functionName("f").name("live").functionVersion("$LATEST")))
                .isInstanceOf(ResourceConflictException.class);
        assertThatThrownBy(() ->
                        lambda.createAlias(a -> a.functionName("f").name("123").functionVersion("$LATEST")))
                .isInstanceOf(LambdaException.class)
                .satisfies(
                        e -> assertThat(((LambdaException) e).awsErrorDetails().errorCode())
                                .isEqualTo("ValidationException"));
    }

    @Test
    void descriptionsLongerThan256CharactersAreRejected() {
        createActive("f");
        assertThatThrownBy(() -> lambda.publishVersion(p -> p.functionName("f").description("x".repeat(257))))
                .isInstanceOf(LambdaException.class)
                .satisfies(e -> assertThat(((LambdaException) e).statusCode()).isEqualTo(400));
        assertThat(lambda.publishVersion(p -> p.functionName("f").description("x".repeat(256)))
                        .version())
                .isEqualTo("1");
    }

    @Test
    void descriptionLengthIsCountedInCodePoints() {
        createActive("f");
        String rockets = "\uD83D\uDE80".repeat(256); // 256 code points, 512 UTF-16 units

        assertThat(lambda.publishVersion(p -> p.functionName("f").description(rockets))
                        .description())
                .isEqualTo(rockets);
    }
}
