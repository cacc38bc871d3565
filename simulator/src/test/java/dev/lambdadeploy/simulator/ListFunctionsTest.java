package dev.lambdadeploy.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionVersion;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/** ListFunctions: GET /2015-03-31/functions/, Marker and MaxItems, as the SDK and its paginator read it. */
class ListFunctionsTest extends SimulatorFixture {

    @Test
    void listsEveryFunctionsLatestInPagesOfMaxItems() {
        for (String name : List.of("charlie", "alpha", "delta", "bravo", "echo")) {
            createActive(name);
        }

        var first = lambda.listFunctions(r -> r.maxItems(2));
        assertThat(first.functions())
                .extracting(FunctionConfiguration::functionName)
                .containsExactly("alpha", "bravo");
        assertThat(first.functions()).allSatisfy(f -> {
            assertThat(f.version()).isEqualTo("$LATEST");
            assertThat(f.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:" + f.functionName());
            assertThat(f.stateAsString()).isEqualTo("Active");
        });
        assertThat(first.nextMarker()).isNotNull();
        var second = lambda.listFunctions(r -> r.maxItems(2).marker(first.nextMarker()));
        assertThat(second.functions())
                .extracting(FunctionConfiguration::functionName)
                .containsExactly("charlie", "delta");

        assertThat(lambda.listFunctionsPaginator(r -> r.maxItems(2)).functions())
                .extracting(FunctionConfiguration::functionName)
                .containsExactly("alpha", "bravo", "charlie", "delta", "echo");
        assertThat(sim.journal().count("ListFunctions")).isEqualTo(5);
    }

    @Test
    void noFunctionsIsAnEmptyListWithoutMarker() {
        var none = lambda.listFunctions();

        assertThat(none.functions()).isEmpty();
        assertThat(none.nextMarker()).isNull();
    }

    @Test
    void functionVersionAllAddsThePublishedVersions() {
        createActive("f");
        lambda.publishVersion(r -> r.functionName("f"));

        var all = lambda.listFunctions(r -> r.functionVersion(FunctionVersion.ALL));

        assertThat(all.functions()).extracting(FunctionConfiguration::version).containsExactly("$LATEST", "1");
    }

    @Test
    void maxItemsOutOfRangeIsAValidationError() {
        assertThatThrownBy(() -> lambda.listFunctions(r -> r.maxItems(0)))
                .isInstanceOfSatisfying(
                        LambdaException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    }
}
