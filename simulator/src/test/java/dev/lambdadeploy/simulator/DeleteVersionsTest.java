package dev.lambdadeploy.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.AliasRoutingConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

class DeleteVersionsTest extends SimulatorFixture {

    @Test
    void deleteFunctionWithAQualifierDeletesThatVersionOnly() {
        threeVersions();
        var r = lambda.deleteFunction(d -> d.functionName("f").qualifier("2"));
        assertThat(r.sdkHttpResponse().statusCode()).isEqualTo(204);
        assertThat(lambda.listVersionsByFunction(l -> l.functionName("f")).versions())
                .extracting(FunctionConfiguration::version)
                .containsExactly("$LATEST", "1", "3");
        assertThatThrownBy(() -> lambda.getFunction(g -> g.functionName("f").qualifier("2")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> lambda.deleteFunction(d -> d.functionName("f").qualifier("2")))
                .isInstanceOf(ResourceNotFoundException.class);
        // a qualified name works as the query parameter does
        lambda.deleteFunction(d -> d.functionName("f:1"));
        assertThat(sim.control().inspect("f").versions())
                .extracting(FunctionView.VersionView::version)
                .containsExactly("3");

        // numbers of deleted versions are not handed out again
        updateCode("f", ZIP_B);
        advanceSeconds(1);
        assertThat(lambda.publishVersion(p -> p.functionName("f")).version()).isEqualTo("4");
    }

    @Test
    void aVersionAnAliasRoutesToCannotBeDeleted() {
        threeVersions();
        lambda.createAlias(a -> a.functionName("f").name("live").functionVersion("1"));
        lambda.createAlias(a -> a.functionName("f")
                .name("canary")
                .functionVersion("2")
                .routingConfig(AliasRoutingConfiguration.builder()
                        .additionalVersionWeights(Map.of("3", 0.1))
                        .build()));
        for (String v : new String[] {"1", "2", "3"}) {
            assertThatThrownBy(
                            () -> lambda.deleteFunction(d -> d.functionName("f").qualifier(v)))
                    .isInstanceOfSatisfying(ResourceConflictException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(409);
                        assertThat(e.getMessage()).contains("aliases reference it");
                    });
        }
        lambda.updateAlias(a -> a.functionName("f")
                .name("canary")
                .routingConfig(AliasRoutingConfiguration.builder()
                        .additionalVersionWeights(Map.of())
                        .build()));
        lambda.deleteFunction(d -> d.functionName("f").qualifier("3"));
        assertThat(sim.control().inspect("f").versions())
                .extracting(FunctionView.VersionView::version)
                .containsExactly("1", "2");
    }

    @Test
    void latestAndAliasesAreNotDeletedAsVersions() {
        threeVersions();
        lambda.createAlias(a -> a.functionName("f").name("live").functionVersion("1"));
        assertThatThrownBy(() -> lambda.deleteFunction(d -> d.functionName("f").qualifier("$LATEST")))
                .isInstanceOfSatisfying(
                        InvalidParameterValueException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThatThrownBy(() -> lambda.deleteFunction(d -> d.functionName("f").qualifier("live")))
                .isInstanceOf(InvalidParameterValueException.class);
        assertThat(sim.control().inspect("f").versions()).hasSize(3);
    }

    @Test
    void deleteFunctionWithoutAQualifierDeletesItAll() {
        threeVersions();
        lambda.createAlias(a -> a.functionName("f").name("live").functionVersion("1"));
        lambda.deleteFunction(d -> d.functionName("f"));
        assertThatThrownBy(() -> config("f")).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> lambda.deleteFunction(d -> d.functionName("f")))
                .isInstanceOf(ResourceNotFoundException.class);
        createActive("f");
        assertThat(lambda.listVersionsByFunction(l -> l.functionName("f")).versions())
                .hasSize(1);
    }
}
