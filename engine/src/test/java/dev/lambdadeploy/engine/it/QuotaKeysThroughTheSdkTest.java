package dev.lambdadeploy.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdadeploy.engine.FakeTime;
import dev.lambdadeploy.engine.aws.ClientSettings;
import dev.lambdadeploy.engine.aws.CredentialsSource;
import dev.lambdadeploy.engine.aws.LambdaClients;
import dev.lambdadeploy.engine.aws.QuotaLimiter;
import dev.lambdadeploy.simulator.LambdaSimulator;
import dev.lambdadeploy.simulator.SimulatorCredentials;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;

/** The quota interceptor reads the function of real SDK requests: an ARN puts the call on its account's limiter. */
class QuotaKeysThroughTheSdkTest {

    @Test
    void aFunctionArnInTheRequestSelectsTheLimiterOfItsAccount() throws Exception {
        FakeTime time = new FakeTime();
        QuotaLimiter.Registry registry = new QuotaLimiter.Registry(time, time, Duration.ofMinutes(10), 100, 15);
        try (LambdaSimulator simulator =
                        LambdaSimulator.builder().port(0).quotas(false).start();
                LambdaClients clients = new LambdaClients(SimulatedLambda.httpClientFactory())) {
            simulator.control().createFunction("f", Duration.ZERO);
            QuotaLimiter.Key unknownAccount = new QuotaLimiter.Key(
                    null, simulator.region(), simulator.endpoint().toString());
            ClientSettings settings = ClientSettings.builder()
                    .region(simulator.region())
                    .credentials(new CredentialsSource.StaticKeys(
                            SimulatorCredentials.ACCESS_KEY_ID, SimulatorCredentials.SECRET_ACCESS_KEY, null))
                    .endpoint(simulator.endpoint())
                    .retryStrategy(AwsRetryStrategy.doNotRetry())
                    .quotaLimiter(registry.limiter(unknownAccount))
                    .build();
            assertThat(settings.quotaKey()).isEqualTo(unknownAccount);
            try (var session = clients.open(settings)) {
                session.lambda().getFunction(r -> r.functionName("f"));
                assertThat(registry.size()).isOne();

                String arn = "arn:aws:lambda:" + simulator.region() + ":123456789012:function:f";
                session.lambda().getFunction(r -> r.functionName(arn));
                session.lambda().getFunctionConfiguration(r -> r.functionName("123456789012:function:f"));
                assertThat(registry.size()).isEqualTo(2);

                // the account's own budget: its burst of 7.5 other calls is spent by GetFunctionConfiguration and six
                // publishes; the eighth call waits, a call of unknown account does not
                for (int i = 0; i < 6; i++) {
                    session.lambda().publishVersion(r -> r.functionName(arn));
                }
                assertThat(time.slept()).isZero();
                session.lambda().publishVersion(r -> r.functionName(arn));
                assertThat(time.slept()).isPositive();
                Duration slept = time.slept();
                session.lambda().publishVersion(r -> r.functionName("f"));
                assertThat(time.slept()).isEqualTo(slept);
            }
        }
    }
}
