package dev.lambdadeploy.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.AliasRoutingConfiguration;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

class AliasesTest extends SimulatorFixture {

    static AliasRoutingConfiguration weights(Map<String, Double> w) {
        return AliasRoutingConfiguration.builder().additionalVersionWeights(w).build();
    }

    @Test
    void listAliasesPagesAndFiltersByFunctionVersion() {
        threeVersions();
        lambda.createAlias(a -> a.functionName("f").name("a").functionVersion("1"));
        lambda.createAlias(a -> a.functionName("f").name("b").functionVersion("2"));
        lambda.createAlias(a -> a.functionName("f").name("c").functionVersion("2"));

        var all = lambda.listAliases(l -> l.functionName("f"));
        assertThat(all.aliases()).extracting(AliasConfiguration::name).containsExactly("a", "b", "c");
        assertThat(all.aliases().get(0).aliasArn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:f:a");
        assertThat(all.nextMarker()).isNull();

        var first = lambda.listAliases(l -> l.functionName("f").maxItems(2));
        assertThat(first.aliases()).extracting(AliasConfiguration::name).containsExactly("a", "b");
        var rest = lambda.listAliases(l -> l.functionName("f").maxItems(2).marker(first.nextMarker()));
        assertThat(rest.aliases()).extracting(AliasConfiguration::name).containsExactly("c");
        assertThat(rest.nextMarker()).isNull();
        assertThat(lambda.listAliasesPaginator(l -> l.functionName("f").maxItems(1))
                        .aliases())
                .extracting(AliasConfiguration::name)
                .containsExactly("a", "b", "c");

        assertThat(lambda.listAliases(l -> l.functionName("f").functionVersion("2"))
                        .aliases())
                .extracting(AliasConfiguration::name)
                .containsExactly("b", "c");
        assertThat(lambda.listAliases(l -> l.functionName("f").functionVersion("3"))
                        .aliases())
                .isEmpty();
    }

    @Test
    void deleteAliasRemovesItAndAnUnknownOneIsNotFound() {
        threeVersions();
        lambda.createAlias(a -> a.functionName("f").name("live").functionVersion("1"));
        var deleted = lambda.deleteAlias(a -> a.functionName("f").name("live"));
        assertThat(deleted.sdkHttpResponse().statusCode()).isEqualTo(204);
        assertThat(lambda.listAliases(l -> l.functionName("f")).aliases()).isEmpty();
        assertThatThrownBy(() -> lambda.getAlias(a -> a.functionName("f").name("live")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> lambda.deleteAlias(a -> a.functionName("f").name("live")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(sim.journal().count("DeleteAlias")).isEqualTo(2);
    }

    @Test
    void createAndUpdateTakeOneWeightedAdditionalVersion() {
        threeVersions();
        var created = lambda.createAlias(
                a -> a.functionName("f").name("live").functionVersion("1").routingConfig(weights(Map.of("2", 0.25))));
        assertThat(created.routingConfig().additionalVersionWeights()).containsExactly(Map.entry("2", 0.25));
        var got = lambda.getAlias(a -> a.functionName("f").name("live"));
        assertThat(got.routingConfig().additionalVersionWeights()).containsExactly(Map.entry("2", 0.25));

        var updated = lambda.updateAlias(a ->
                a.functionName("f").name("live").revisionId(got.revisionId()).routingConfig(weights(Map.of("3", 1.0))));
        assertThat(updated.functionVersion()).isEqualTo("1");
        assertThat(updated.routingConfig().additionalVersionWeights()).containsExactly(Map.entry("3", 1.0));
        assertThat(updated.revisionId()).isNotEqualTo(got.revisionId());

        // members not given stay
        var described = lambda.updateAlias(a -> a.functionName("f").name("live").description("canary"));
        assertThat(described.routingConfig().additionalVersionWeights()).containsExactly(Map.entry("3", 1.0));
    }

    @Test
    void aStaleAliasRevisionIdIsAPreconditionFailure() {
        threeVersions();
        var created = lambda.createAlias(a -> a.functionName("f").name("live").functionVersion("1"));
        lambda.updateAlias(a -> a.functionName("f").name("live").functionVersion("2"));
        assertThatThrownBy(() -> lambda.updateAlias(a ->
                        a.functionName("f").name("live").functionVersion("3").revisionId(created.revisionId())))
                .isInstanceOfSatisfying(
                        PreconditionFailedException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(412));
        assertThat(lambda.getAlias(a -> a.functionName("f").name("live")).functionVersion())
                .isEqualTo("2");
    }

    @Test
    void badRoutingIsRefused() {
        threeVersions();
        assertThatThrownBy(() -> lambda.createAlias(a -> a.functionName("f")
                        .name("live")
                        .functionVersion("$LATEST")
                        .routingConfig(weights(Map.of("2", 0.1)))))
                .isInstanceOfSatisfying(
                        InvalidParameterValueException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400));
        lambda.createAlias(a -> a.functionName("f").name("live").functionVersion("1"));
        assertThatThrownBy(() -> lambda.updateAlias(a -> a.functionName("f")
                        .name("live")
                        .functionVersion("$LATEST")
                        .routingConfig(weights(Map.of("2", 0.1)))))
                .isInstanceOf(InvalidParameterValueException.class);
        assertThatThrownBy(() -> lambda.updateAlias(
                        a -> a.functionName("f").name("live").routingConfig(weights(Map.of("$LATEST", 0.1)))))
                .isInstanceOf(InvalidParameterValueException.class);
        assertThatThrownBy(() -> lambda.updateAlias(
                        a -> a.functionName("f").name("live").routingConfig(weights(Map.of("1", 0.1)))))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("already included");
        assertThatThrownBy(() -> lambda.updateAlias(
                        a -> a.functionName("f").name("live").routingConfig(weights(Map.of("2", 0.1, "3", 0.1)))))
                .isInstanceOf(InvalidParameterValueException.class);
        assertThatThrownBy(() -> lambda.updateAlias(
                        a -> a.functionName("f").name("live").routingConfig(weights(Map.of("2", 1.5)))))
                .isInstanceOfSatisfying(
                        software.amazon.awssdk.services.lambda.model.LambdaException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThat(lambda.getAlias(a -> a.functionName("f").name("live")).routingConfig())
                .isNull();
    }

    @Test
    void theControlsShowAliasesWithTheirWeights() {
        threeVersions();
        var created = lambda.createAlias(
                a -> a.functionName("f").name("live").functionVersion("1").routingConfig(weights(Map.of("2", 0.1))));
        lambda.createAlias(a -> a.functionName("f").name("old").functionVersion("1"));
        assertThat(sim.control().aliases("f"))
                .containsExactly(
                        new AliasView("live", "1", Map.of("2", 0.1), created.revisionId()),
                        new AliasView(
                                "old",
                                "1",
                                Map.of(),
                                lambda.getAlias(a -> a.functionName("f").name("old"))
                                        .revisionId()));
        assertThatThrownBy(() -> sim.control().aliases("nope")).isInstanceOf(java.util.NoSuchElementException.class);
    }

    @Test
    void newOperationsTakeFaultsAndAreJournaledWithTheirFunction() {
        threeVersions();
        lambda.createAlias(a -> a.functionName("f").name("live").functionVersion("1"));
        for (String operation : new String[] {
            "ListAliases", "UpdateAlias", "DeleteAlias", "DeleteFunction", "UpdateFunctionConfiguration"
        }) {
            sim.control().inject(operation, Fault.status(503, "ServiceUnavailableException", 1));
        }
        sim.journal().clear();
        Runnable[] calls = {
            () -> lambda.listAliases(l -> l.functionName("f")),
            () -> lambda.updateAlias(a -> a.functionName("f").name("live").functionVersion("2")),
            () -> lambda.deleteAlias(a -> a.functionName("f").name("live")),
            () -> lambda.deleteFunction(d -> d.functionName("f").qualifier("3")),
            () -> lambda.updateFunctionConfiguration(u -> u.functionName("f").timeout(5)),
        };
        for (Runnable call : calls) {
            assertThatThrownBy(call::run)
                    .isInstanceOfSatisfying(
                            software.amazon.awssdk.services.lambda.model.LambdaException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(503));
        }
        for (Runnable call : calls) {
            call.run();
        }
        assertThat(sim.journal().entries())
                .extracting(JournalEntry::operation, JournalEntry::functionName, JournalEntry::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ListAliases", "f", 503),
                        org.assertj.core.groups.Tuple.tuple("UpdateAlias", "f", 503),
                        org.assertj.core.groups.Tuple.tuple("DeleteAlias", "f", 503),
                        org.assertj.core.groups.Tuple.tuple("DeleteFunction", "f", 503),
                        org.assertj.core.groups.Tuple.tuple("UpdateFunctionConfiguration", "f", 503),
                        org.assertj.core.groups.Tuple.tuple("ListAliases", "f", 200),
                        org.assertj.core.groups.Tuple.tuple("UpdateAlias", "f", 200),
                        org.assertj.core.groups.Tuple.tuple("DeleteAlias", "f", 204),
                        org.assertj.core.groups.Tuple.tuple("DeleteFunction", "f", 204),
                        org.assertj.core.groups.Tuple.tuple("UpdateFunctionConfiguration", "f", 200));
    }

    @Test
    void theAliasHistoryShowsEveryChangeAtItsInstant() {
        threeVersions();
        java.time.Instant t0 = clock.instant();
        lambda.createAlias(a -> a.functionName("f").name("live").functionVersion("1"));
        advanceSeconds(60);
        lambda.updateAlias(a -> a.functionName("f").name("live").routingConfig(weights(Map.of("2", 0.1))));
        advanceSeconds(60);
        // refused changes leave no trace
        assertThatThrownBy(() -> lambda.updateAlias(
                        a -> a.functionName("f").name("live").routingConfig(weights(Map.of("1", 0.5)))))
                .isInstanceOf(InvalidParameterValueException.class);
        lambda.updateAlias(
                a -> a.functionName("f").name("live").functionVersion("2").routingConfig(weights(Map.of())));
        lambda.deleteAlias(a -> a.functionName("f").name("live"));

        assertThat(sim.control().aliasHistory("f"))
                .extracting(
                        AliasChange::at,
                        c -> c.alias() == null ? null : c.alias().functionVersion(),
                        c -> c.alias() == null ? null : c.alias().additionalVersionWeights())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(t0, "1", Map.of()),
                        org.assertj.core.groups.Tuple.tuple(t0.plusSeconds(60), "1", Map.of("2", 0.1)),
                        org.assertj.core.groups.Tuple.tuple(t0.plusSeconds(120), "2", Map.of()),
                        org.assertj.core.groups.Tuple.tuple(t0.plusSeconds(120), null, null));
    }
}
