package dev.lambdadeploy.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

class FunctionNamesTest extends SimulatorFixture {

    @Test
    void aFunctionCanBeNamedByNameFullArnOrPartialArnWithOrWithoutQualifier() {
        sim.control().createFunction("my-fn_1", Duration.ZERO);
        lambda.publishVersion(p -> p.functionName("arn:aws:lambda:us-east-1:123456789012:function:my-fn_1"));
        lambda.createAlias(a ->
                a.functionName("123456789012:function:my-fn_1").name("live").functionVersion("1"));

        for (String name : new String[] {
            "my-fn_1",
            "arn:aws:lambda:us-east-1:123456789012:function:my-fn_1",
            "123456789012:function:my-fn_1",
            "my-fn_1:$LATEST",
            "arn:aws:lambda:us-east-1:123456789012:function:my-fn_1:$LATEST"
        }) {
            var c = lambda.getFunctionConfiguration(r -> r.functionName(name));
            assertThat(c.version()).as(name).isEqualTo("$LATEST");
        }
        assertThat(lambda.getFunction(r -> r.functionName("my-fn_1:1"))
                        .configuration()
                        .version())
                .isEqualTo("1");
        assertThat(lambda.getFunction(
                                r -> r.functionName("arn:aws:lambda:us-east-1:123456789012:function:my-fn_1:live"))
                        .configuration()
                        .version())
                .isEqualTo("1");
        assertThat(lambda.getFunctionConfiguration(r -> r.functionName("123456789012:function:my-fn_1:1"))
                        .version())
                .isEqualTo("1");
    }

    @Test
    void aConflictingQualifierIsRejected() {
        sim.control().createFunction("f", Duration.ZERO);
        assertThatThrownBy(() -> lambda.getFunction(r -> r.functionName("f:1").qualifier("2")))
                .isInstanceOf(InvalidParameterValueException.class);
    }

    @Test
    void anotherAccountsOrRegionsArnIsNotFound() {
        sim.control().createFunction("f", Duration.ZERO);
        assertThatThrownBy(() -> config("arn:aws:lambda:eu-west-1:123456789012:function:f"))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> config("arn:aws:lambda:us-east-1:999999999999:function:f"))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void malformedNamesFailValidation() {
        assertThatThrownBy(() -> config("a:b:c:d:e")).isInstanceOfSatisfying(LambdaException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        });
    }
}
