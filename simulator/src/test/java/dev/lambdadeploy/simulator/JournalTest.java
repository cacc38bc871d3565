package dev.lambdadeploy.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;

class JournalTest extends SimulatorFixture {

    @Test
    void everyRequestIsJournaledWithOperationFunctionStatusTimeAndRequestId() {
        createPending("f");
        advance(Duration.ofMillis(300));
        assertThatThrownBy(() -> updateCode("f", ZIP_B)).isInstanceOf(ResourceConflictException.class);
        advanceSeconds(1);
        var got = lambda.getFunction(r -> r.functionName("arn:aws:lambda:us-east-1:123456789012:function:f"));

        var entries = sim.journal().entries();
        assertThat(entries).hasSize(3);
        JournalEntry create = entries.get(0);
        assertThat(create.operation()).isEqualTo("CreateFunction");
        assertThat(create.functionName()).isEqualTo("f");
        assertThat(create.status()).isEqualTo(201);
        assertThat(create.time()).isEqualTo(START);
        assertThat(create.errorType()).isNull();

        JournalEntry conflict = entries.get(1);
        assertThat(conflict.operation()).isEqualTo("UpdateFunctionCode");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.errorType()).isEqualTo("ResourceConflictException");
        assertThat(conflict.time()).isEqualTo(START.plusMillis(300));

        JournalEntry get = entries.get(2);
        assertThat(get.operation()).isEqualTo("GetFunction");
        assertThat(get.functionName()).isEqualTo("f");
        assertThat(get.requestId()).isEqualTo(got.responseMetadata().requestId());

        assertThat(sim.journal().count("UpdateFunctionCode")).isEqualTo(1);
        assertThat(sim.journal().countStatus(409)).isEqualTo(1);
        assertThat(sim.journal().countStatus(200)).isEqualTo(1);

        sim.journal().clear();
        assertThat(sim.journal().entries()).isEmpty();
        assertThat(sim.journal().count("GetFunction")).isZero();
    }

    @Test
    void rejectedRequestsAreJournaledToo() {
        try (var stranger = client(software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKIAX", "y"))) {
            assertThatThrownBy(() -> stranger.getFunctionConfiguration(r -> r.functionName("f")))
                    .isInstanceOf(software.amazon.awssdk.services.lambda.model.LambdaException.class);
        }
        JournalEntry e = sim.journal().entries().get(0);
        assertThat(e.operation()).isEqualTo("GetFunctionConfiguration");
        assertThat(e.status()).isEqualTo(403);
        assertThat(e.errorType()).isEqualTo("UnrecognizedClientException");
    }
}
