package dev.lambdadeploy.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.ServiceException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

class ErrorsTest extends SimulatorFixture {

    @Test
    void theSdkSurfacesEveryErrorAsItsTypedExceptionWithRequestIdAndCode() {
        createPending("f");
        assertTyped(() -> updateCode("f", ZIP_B), ResourceConflictException.class, 409, "ResourceConflictException");
        advanceSeconds(1);
        assertTyped(
                () -> lambda.publishVersion(p -> p.functionName("f").revisionId("stale")),
                PreconditionFailedException.class,
                412,
                "PreconditionFailedException");
        assertTyped(
                () -> lambda.publishVersion(p -> p.functionName("f").codeSha256("other")),
                InvalidParameterValueException.class,
                400,
                "InvalidParameterValueException");
        assertTyped(
                () -> lambda.getFunction(r -> r.functionName("missing")),
                ResourceNotFoundException.class,
                404,
                "ResourceNotFoundException");
        sim.control().inject("GetFunction", Fault.throttle(1));
        assertTyped(
                () -> lambda.getFunction(r -> r.functionName("f")),
                TooManyRequestsException.class,
                429,
                "TooManyRequestsException");
        sim.control().inject("GetFunction", Fault.status(500, "ServiceException", 1));
        assertTyped(
                () -> lambda.getFunction(r -> r.functionName("f")), ServiceException.class, 500, "ServiceException");
    }

    @Test
    void unknownFunctionsAreNotFoundWithTheirArn() {
        assertThatThrownBy(() -> config("ghost"))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Function not found: arn:aws:lambda:us-east-1:123456789012:function:ghost");
        createActive("f");
        assertThatThrownBy(() -> lambda.getFunction(r -> r.functionName("f").qualifier("9")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("function:f:9");
    }

    @Test
    void injectedServerErrorsServeTheirCountThenStop() {
        createActive("f");
        sim.control().inject("PublishVersion", Fault.status(503, "ServiceUnavailableException", 2));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> lambda.publishVersion(p -> p.functionName("f")))
                    .isInstanceOf(LambdaException.class)
                    .satisfies(e -> {
                        LambdaException le = (LambdaException) e;
                        assertThat(le.statusCode()).isEqualTo(503);
                        assertThat(le.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailableException");
                    });
        }
        assertThat(lambda.publishVersion(p -> p.functionName("f")).version()).isEqualTo("1");
    }

    @Test
    void aConnectionResetReachesTheClientAsAnIoError() {
        createActive("f");
        sim.control().inject("PublishVersion", Fault.connectionReset(1));
        assertThatThrownBy(() -> lambda.publishVersion(p -> p.functionName("f")))
                .isInstanceOf(SdkClientException.class);
        assertThat(sim.journal().countStatus(0)).isEqualTo(1);
        assertThat(lambda.publishVersion(p -> p.functionName("f")).version()).isEqualTo("1");
    }

    @Test
    void eachInjectedResetDropsOneRequestAndTheApacheClientDoesNotResendIt() {
        sim.control().createFunction("f", Duration.ZERO);
        sim.control().inject("GetFunction", Fault.connectionReset(2));
        assertThatThrownBy(() -> lambda.getFunction(r -> r.functionName("f"))).isInstanceOf(SdkClientException.class);
        assertThatThrownBy(() -> lambda.getFunction(r -> r.functionName("f"))).isInstanceOf(SdkClientException.class);
        assertThat(lambda.getFunction(r -> r.functionName("f")).configuration().functionName())
                .isEqualTo("f");
        assertThat(sim.journal().count("GetFunction")).isEqualTo(3);
    }

    @Test
    void aSlowAnswerTripsTheClientsAttemptTimeout() {
        createActive("f");
        try (var impatient = client(
                software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                        SimulatorCredentials.ACCESS_KEY_ID, SimulatorCredentials.SECRET_ACCESS_KEY),
                c -> c.apiCallAttemptTimeout(Duration.ofMillis(50)))) {
            sim.control().inject("GetFunction", Fault.delay(Duration.ofMillis(250), 1));
            assertThatThrownBy(() -> impatient.getFunction(r -> r.functionName("f")))
                    .isInstanceOf(ApiCallAttemptTimeoutException.class);
        }
    }

    @Test
    void faultsForOneOperationLeaveOthersAlone() {
        createActive("f");
        sim.control().inject("UpdateFunctionCode", Fault.status(500, "ServiceException", 1));
        assertThat(config("f").functionName()).isEqualTo("f");
        assertThatThrownBy(() -> updateCode("f", ZIP_B)).isInstanceOf(ServiceException.class);
    }

    private static void assertTyped(Runnable call, Class<? extends LambdaException> type, int status, String code) {
        assertThatThrownBy(call::run).isInstanceOf(type).satisfies(e -> {
            LambdaException le = (LambdaException) e;
            assertThat(le.statusCode()).isEqualTo(status);
            assertThat(le.requestId()).matches("[0-9a-f-]{36}");
            assertThat(le.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(le.awsErrorDetails().errorMessage()).isNotBlank();
        });
    }
}
