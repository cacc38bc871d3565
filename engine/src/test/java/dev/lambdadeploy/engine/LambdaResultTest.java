package dev.lambdadeploy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdadeploy.engine.wait.WaitOutcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LambdaResultTest {

    private final LambdaResult published = new LambdaResult(
            "my-fn",
            "arn:aws:lambda:us-east-1:123456789012:function:my-fn",
            "7",
            Statuses.SHA,
            "rev-1",
            "Active",
            "Successful",
            3,
            Duration.ofMillis(4500),
            true,
            false,
            null);

    @Test
    void mapHasEveryFieldUnderTheDocumentedNames() {
        assertThat(published.toMap())
                .containsExactly(
                        entry("functionName", "my-fn"),
                        entry("functionArn", "arn:aws:lambda:us-east-1:123456789012:function:my-fn"),
                        entry("version", "7"),
                        entry("codeSha256", Statuses.SHA),
                        entry("revisionId", "rev-1"),
                        entry("state", "Active"),
                        entry("lastUpdateStatus", "Successful"),
                        entry("attempts", 3),
                        entry("secondsWaited", 4.5),
                        entry("published", true),
                        entry("timedOut", false),
                        entry("warning", null));
    }

    @Test
    void environmentForFreestyleLeavesOutWhatIsUnknown() {
        assertThat(published.environment())
                .containsExactly(
                        java.util.Map.entry(
                                "LAMBDA_FUNCTION_ARN", "arn:aws:lambda:us-east-1:123456789012:function:my-fn"),
                        java.util.Map.entry("LAMBDA_VERSION", "7"),
                        java.util.Map.entry("LAMBDA_CODE_SHA256", Statuses.SHA),
                        java.util.Map.entry("LAMBDA_REVISION_ID", "rev-1"));
        assertThat(published.toBuilder().version(null).published(false).build().environment())
                .doesNotContainKey("LAMBDA_VERSION");
    }

    @Test
    void theBuilderMakesTheSameResultAsTheConstructorAndToBuilderChangesOnlyWhatIsSet() {
        LambdaResult built = LambdaResult.builder()
                .functionName("my-fn")
                .functionArn("arn:aws:lambda:us-east-1:123456789012:function:my-fn")
                .version("7")
                .codeSha256(Statuses.SHA)
                .revisionId("rev-1")
                .state("Active")
                .lastUpdateStatus("Successful")
                .attempts(3)
                .waited(Duration.ofMillis(4500))
                .published(true)
                .timedOut(false)
                .warning(null)
                .build();
        assertThat(built).isEqualTo(published);
        assertThat(published.toBuilder().build()).isEqualTo(published);
        assertThat(published.toBuilder().version("8").build())
                .isEqualTo(new LambdaResult(
                        "my-fn",
                        "arn:aws:lambda:us-east-1:123456789012:function:my-fn",
                        "8",
                        Statuses.SHA,
                        "rev-1",
                        "Active",
                        "Successful",
                        3,
                        Duration.ofMillis(4500),
                        true,
                        false,
                        null));
        assertThat(published.version()).isEqualTo("7");
    }

    @Test
    void aBuiltResultNeedsOnlyTheFunctionName() {
        assertThat(LambdaResult.builder().functionName("my-fn").build())
                .isEqualTo(LambdaResult.empty("my-fn"))
                .isEqualTo(new LambdaResult(
                        "my-fn", null, null, null, null, null, null, 0, Duration.ZERO, false, false, null));
        assertThatThrownBy(() -> LambdaResult.builder().build())
                .isInstanceOf(NullPointerException.class)
                .hasMessage("functionName");
    }

    @Test
    void waitsAddUpAndATimeoutSticks() {
        LambdaResult r = WaitConclusion.recorded(
                WaitConclusion.recorded(
                        published, new WaitOutcome(WaitOutcome.Kind.TIMED_OUT, null, 2, Duration.ofSeconds(1))),
                new WaitOutcome(WaitOutcome.Kind.READY, Statuses.of("Active", "Successful"), 1, Duration.ofSeconds(1)));
        assertThat(r.attempts()).isEqualTo(6);
        assertThat(r.waited()).isEqualTo(Duration.ofMillis(6500));
        assertThat(r.timedOut()).isTrue();
        assertThat(r.warning()).isEqualTo("Timeout waiting for Lambda function to be ready");
        assertThat(published.warning()).isNull();
    }

    @Test
    void anEarlierStepsWarningGoesAheadOfTheResultsOwn() {
        LambdaResult timedOut =
                published.toBuilder().warning("publish without rollback").build();
        assertThat(published.withEarlierWarning(null)).isSameAs(published);
        assertThat(published.withEarlierWarning("configuration wait timed out").warning())
                .isEqualTo("configuration wait timed out");
        assertThat(timedOut.withEarlierWarning("configuration wait timed out").warning())
                .isEqualTo("configuration wait timed out; publish without rollback");
        assertThat(timedOut.withEarlierWarning("configuration wait timed out").version())
                .isEqualTo(published.version());
    }

    @Test
    void survivesJavaSerializationAsPipelineStateDoes() throws Exception {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(published);
        }
        try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(published);
        }
    }

    @Test
    void aLaterStatusKeepsTheUploadedCodeHash() {
        LambdaResult r = WaitConclusion.recorded(
                published,
                new WaitOutcome(
                        WaitOutcome.Kind.TIMED_OUT,
                        new FunctionStatus(
                                "my-fn",
                                null,
                                "Active",
                                "InProgress",
                                null,
                                null,
                                null,
                                null,
                                "otherSha",
                                "rev-2",
                                "$LATEST",
                                null),
                        1,
                        Duration.ZERO));
        assertThat(r.codeSha256()).isEqualTo(Statuses.SHA);
        assertThat(r.revisionId()).isEqualTo("rev-2");
        assertThat(r.lastUpdateStatus()).isEqualTo("InProgress");
        assertThat(r.functionArn()).isEqualTo(published.functionArn());
    }

    private static java.util.Map.Entry<String, Object> entry(String k, Object v) {
        return new java.util.AbstractMap.SimpleImmutableEntry<>(k, v);
    }

    @Test
    void theMapGivesTheResultBack() {
        LambdaResult waited =
                published.toBuilder().waited(Duration.ofMillis(61_234)).build();

        assertThat(LambdaResult.fromMap(waited.toMap())).isEqualTo(waited);
        assertThat(LambdaResult.fromMap(
                        new java.util.LinkedHashMap<>(LambdaResult.empty("fn").toMap())))
                .isEqualTo(LambdaResult.empty("fn"));
    }

    @Test
    void aMapOfSomethingElseIsRefused() {
        assertThatThrownBy(() -> LambdaResult.fromMap(java.util.Map.of("functionName", "fn")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("attempts");
    }
}
