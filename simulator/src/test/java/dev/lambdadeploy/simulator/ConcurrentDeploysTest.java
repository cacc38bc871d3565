package dev.lambdadeploy.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

class ConcurrentDeploysTest extends SimulatorFixture {
    private static final int DEPLOYERS = 100;

    @Test
    void aHundredDeployersAtOnceAreServedAndQuotasHoldAcrossThem() throws Exception {
        for (int i = 0; i < DEPLOYERS; i++) {
            sim.control().createFunction("fn-" + i, Duration.ZERO);
        }
        sim.control().quotas(true);
        ExecutorService pool = Executors.newFixedThreadPool(DEPLOYERS);
        try {
            List<CompletableFuture<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < DEPLOYERS; i++) {
                String name = "fn-" + i;
                calls.add(CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                lambda.updateFunctionCode(
                                        r -> r.functionName(name).zipFile(SdkBytes.fromByteArray(ZIP_B)));
                                return true;
                            } catch (TooManyRequestsException e) {
                                return false;
                            }
                        },
                        pool));
            }
            long accepted = 0;
            for (CompletableFuture<Boolean> c : calls) {
                if (c.get(30, TimeUnit.SECONDS)) {
                    accepted++;
                }
            }
            // one instant on the manual clock: exactly the burst of 15 gets through
            assertThat(accepted).isEqualTo(15);
            assertThat(sim.journal().count("UpdateFunctionCode")).isEqualTo(DEPLOYERS);
            assertThat(sim.journal().countStatus(429)).isEqualTo(DEPLOYERS - 15);
        } finally {
            pool.shutdownNow();
        }
    }
}
