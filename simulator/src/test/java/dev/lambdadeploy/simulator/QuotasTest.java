package dev.lambdadeploy.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

class QuotasTest extends SimulatorFixture {

    @Override
    LambdaSimulator.Builder configure(LambdaSimulator.Builder b) {
        return b.quotas(true);
    }

    @Test
    void fifteenCallsPerSecondAreSharedByEverythingButGetFunction() {
        sim.control().createFunction("f", Duration.ZERO);
        lambda.publishVersion(p -> p.functionName("f"));
        for (int i = 0; i < 14; i++) {
            config("f");
        }
        assertThatThrownBy(() -> lambda.listVersionsByFunction(l -> l.functionName("f")))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(429);
                    assertThat(e.getMessage()).contains("Rate exceeded");
                    assertThat(e.reasonAsString()).isEqualTo("CallerRateLimitExceeded");
                    assertThat(e.retryAfterSeconds()).isEqualTo("1");
                    assertThat(e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Retry-After"))
                            .contains("1");
                });
        // GetFunction has its own 100/s
        lambda.getFunction(r -> r.functionName("f"));

        advanceSeconds(1);
        assertThat(config("f").functionName()).isEqualTo("f");
        assertThat(sim.journal().countStatus(429)).isEqualTo(1);
    }

    @Test
    void getFunctionAllowsOneHundredPerSecond() {
        sim.control().createFunction("f", Duration.ZERO);
        for (int i = 0; i < 100; i++) {
            lambda.getFunction(r -> r.functionName("f"));
        }
        assertThatThrownBy(() -> lambda.getFunction(r -> r.functionName("f")))
                .isInstanceOf(TooManyRequestsException.class);
        advance(Duration.ofMillis(10)); // refills one call
        lambda.getFunction(r -> r.functionName("f"));
        assertThatThrownBy(() -> lambda.getFunction(r -> r.functionName("f")))
                .isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void quotasCanBeSwitchedOff() {
        sim.control().createFunction("f", Duration.ZERO);
        sim.control().quotas(false);
        for (int i = 0; i < 40; i++) {
            config("f");
        }
        assertThat(sim.journal().countStatus(429)).isZero();
    }

    @Test
    void aThrottleFaultThrottlesEvenWithQuotasOff() {
        sim.control().createFunction("f", Duration.ZERO);
        sim.control().quotas(false);
        sim.control().inject("GetFunctionConfiguration", Fault.throttle(2));
        assertThatThrownBy(() -> config("f")).isInstanceOf(TooManyRequestsException.class);
        assertThatThrownBy(() -> config("f")).isInstanceOf(TooManyRequestsException.class);
        assertThat(config("f").functionName()).isEqualTo("f");
    }
}
