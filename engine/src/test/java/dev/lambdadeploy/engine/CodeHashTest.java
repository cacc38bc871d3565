package dev.lambdadeploy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdadeploy.engine.log.DeployLog;
import dev.lambdadeploy.engine.log.LogStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.DefaultAwsResponseMetadata;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.PublishVersionRequest;
import software.amazon.awssdk.services.lambda.model.PublishVersionResponse;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeRequest;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeResponse;

class CodeHashTest {

    private static final String PADDED = "MR6+uvBLv7cTv9YsQVv7Fpvs74XtXopal+5fjJ37x5Y=";

    @Test
    void paddingDoesNotMakeAnotherCode() {
        assertThat(CodeHash.sameCode(PADDED, PADDED.substring(0, 43))).isTrue();
        assertThat(CodeHash.canonical(PADDED.substring(0, 43))).isEqualTo(PADDED);
        assertThat(CodeHash.sameCode(PADDED, "NR6+uvBLv7cTv9YsQVv7Fpvs74XtXopal+5fjJ37x5Y="))
                .isFalse();
        assertThat(CodeHash.sameCode(PADDED, "")).isFalse();
        assertThat(CodeHash.sameCode(null, null)).isFalse();
        assertThat(publishRequestWith(PADDED.substring(0, 43)).codeSha256()).isEqualTo(PADDED);
    }

    private static dev.lambdadeploy.engine.PublishVersionRequest publishRequestWith(String sha) {
        return dev.lambdadeploy.engine.PublishVersionRequest.builder()
                .functionName("fn")
                .codeSha256(sha)
                .build();
    }

    /** Item 11: an update answered without a CodeSha256 is refused; nothing is published unpinned. */
    @Test
    void anEmptyCodeSha256FromLambdaIsRefusedAndNothingIsPublished() {
        List<String> calls = new ArrayList<>();
        LambdaClient lambda = new LambdaClient() {
            @Override
            public UpdateFunctionCodeResponse updateFunctionCode(UpdateFunctionCodeRequest request) {
                calls.add("UpdateFunctionCode");
                return (UpdateFunctionCodeResponse) UpdateFunctionCodeResponse.builder()
                        .codeSha256("")
                        .revisionId("r1")
                        .state("Active")
                        .lastUpdateStatus("InProgress")
                        .responseMetadata(DefaultAwsResponseMetadata.create(Map.of("AWS_REQUEST_ID", "req-1")))
                        .build();
            }

            @Override
            public PublishVersionResponse publishVersion(PublishVersionRequest request) {
                calls.add("PublishVersion");
                throw new AssertionError("published");
            }

            @Override
            public String serviceName() {
                return "lambda";
            }

            @Override
            public void close() {}
        };
        FakeTime time = new FakeTime();
        LambdaDeployer deployer = new LambdaDeployer(
                lambda, time, time, new DeployLog((l, t) -> {}, LogStyle.PLAIN), BackoffStrategy.retryImmediately());

        assertThatThrownBy(() -> deployer.deploy(
                        UpdateCodeRequest.builder()
                                .functionName("fn")
                                .code(new CodeSource.ZipFile(new byte[] {'P', 'K', 3, 4}, "a.zip"))
                                .build(),
                        dev.lambdadeploy.engine.PublishVersionRequest.builder()
                                .functionName("fn")
                                .build()))
                .isInstanceOf(UnexpectedResponseException.class)
                .hasMessageContaining(
                        "UpdateFunctionCode on fn (request id req-1) answered without a valid CodeSha256");
        assertThat(calls).containsExactly("UpdateFunctionCode");
    }
}
