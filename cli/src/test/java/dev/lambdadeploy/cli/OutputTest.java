package dev.lambdadeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdadeploy.engine.LambdaResult;
import dev.lambdadeploy.engine.log.LogSink;
import dev.lambdadeploy.engine.log.LogStyle;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** The pieces that shape output: result formats, the console, durations, option names. */
class OutputTest {

    private final LambdaResult result = new LambdaResult(
            "fn",
            "arn:aws:lambda:us-east-1:123456789012:function:fn",
            "7",
            "abc=",
            "e3e1573b-99f6-4685-8462-3a2bb091d4fc",
            "Active",
            "Successful",
            3,
            Duration.ofMillis(1500),
            true,
            false,
            null);

    @Test
    void jsonIsTheEnginesMapAndParses() throws Exception {
        Map<String, Object> parsed = parse(ResultWriter.json(result.toMap()));

        assertThat(parsed).isEqualTo(parse(new ObjectMapper().writeValueAsString(result.toMap())));
        assertThat(parsed)
                .containsEntry("version", "7")
                .containsEntry("attempts", 3)
                .containsEntry("secondsWaited", 1.5)
                .containsEntry("published", true);
    }

    @Test
    void jsonEscapesEverythingAStringMayHold() throws Exception {
        Map<String, Object> tricky = new LinkedHashMap<>();
        tricky.put("quote", "say \"hi\" \\ back");
        tricky.put("control", "tab\there\nnew\u0001line\u2028");
        tricky.put("unicode", "✅ ünïcödé");
        tricky.put("none", null);
        tricky.put("nan", Double.NaN);

        Map<String, Object> parsed = parse(ResultWriter.json(tricky));

        assertThat(parsed)
                .containsEntry("quote", "say \"hi\" \\ back")
                .containsEntry("control", "tab\there\nnew\u0001line\u2028")
                .containsEntry("unicode", "✅ ünïcödé")
                .containsEntry("none", null)
                .containsEntry("nan", null);
        assertThat(ResultWriter.json(Map.of())).isEqualTo("{}\n");
    }

    private static Map<String, Object> parse(String json) throws Exception {
        return new ObjectMapper().readValue(json, new TypeReference<Map<String, Object>>() {});
    }

    @Test
    void textIsKeyValueLinesWithEmptyValuesForNull() {
        assertThat(ResultWriter.text(result.toBuilder()
                        .version(null)
                        .published(false)
                        .build()
                        .toMap()))
                .startsWith(
                        "functionName=fn\nfunctionArn=arn:aws:lambda:us-east-1:123456789012:function:fn\nversion=\ncodeSha256=abc=\n")
                .contains("\nattempts=3\nsecondsWaited=1.5\npublished=false\ntimedOut=false\n");
    }

    @Test
    void consoleWritesLinesAndInGitHubActionsAnnotatesWarningsAndErrors() {
        StringWriter err = new StringWriter();
        try (Console console = new Console(new PrintWriter(err), LogStyle.EMOJI, true, false)) {
            console.deployLog().timeoutPublishingAnyway();
            console.line(LogSink.Level.INFO, "  Function State: Active, Last Update Status: Successful");
            console.failure("100% broken\nreally");
        }

        assertThat(err.toString().split("\n"))
                .containsExactly(
                        "⚠️ Timeout waiting for Lambda function to be ready, attempting to publish anyway...",
                        "::warning::Timeout waiting for Lambda function to be ready, attempting to publish anyway...",
                        "  Function State: Active, Last Update Status: Successful",
                        "❌ 100% broken",
                        "really",
                        "::error::100%25 broken%0Areally");
    }

    @Test
    void plainConsoleAnnotatesWithoutThePrefix() {
        StringWriter err = new StringWriter();
        try (Console console = new Console(new PrintWriter(err), LogStyle.PLAIN, true, false)) {
            console.deployLog().timeoutPublishingAnyway();
        }

        assertThat(err.toString())
                .isEqualTo(
                        "WARNING: Timeout waiting for Lambda function to be ready, attempting to publish anyway...\n"
                                + "::warning::Timeout waiting for Lambda function to be ready, attempting to publish anyway...\n");
    }

    @Test
    void progressLineRewritesItselfAndIsClearedBeforeTheNextLine() {
        StringWriter err = new StringWriter();
        try (Console console = new Console(new PrintWriter(err), LogStyle.PLAIN, false, false)) {
            assertThat(console.progressText(Duration.ofMillis(2500))).isEqualTo("\r\033[K  / 2.5s");
            assertThat(console.progressText(Duration.ofMillis(2600))).isEqualTo("\r\033[K  - 2.6s");
        }
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void withoutATerminalThereIsNoProgressLine() {
        StringWriter err = new StringWriter();
        try (Console console = new Console(new PrintWriter(err), LogStyle.EMOJI, false, false)) {
            console.tick(); // never scheduled without a terminal; even a stray tick after quiet time prints nothing now
            console.line(LogSink.Level.INFO, "line");
        }

        assertThat(err.toString()).isEqualTo("line\n");
    }

    @Test
    void ciEnvironmentsAreRecognised() {
        assertThat(CliContext.isCi(Map.of("CI", "true"))).isTrue();
        assertThat(CliContext.isCi(Map.of("GITHUB_ACTIONS", "true"))).isTrue();
        assertThat(CliContext.isCi(Map.of("JENKINS_URL", "https://ci.example.com/")))
                .isTrue();
        assertThat(CliContext.isCi(Map.of("CI", "false"))).isFalse();
        assertThat(CliContext.isCi(Map.of("HOME", "/home/me"))).isFalse();
    }

    @Test
    void emojiGoOutAsUtf8WhenThePlatformCharsetCannotShowThem() {
        assertThat(CliContext.outputCharset(java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(CliContext.outputCharset(java.nio.charset.StandardCharsets.UTF_16LE))
                .isEqualTo(java.nio.charset.StandardCharsets.UTF_16LE);
    }

    @Test
    void durationsAreDecimalSecondsOrHaveAUnit() {
        DurationConverter convert = new DurationConverter();

        assertThat(convert.convert("2")).isEqualTo(Duration.ofSeconds(2));
        assertThat(convert.convert("0.5")).isEqualTo(Duration.ofMillis(500));
        assertThat(convert.convert("0.05")).isEqualTo(Duration.ofMillis(50));
        assertThat(convert.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(convert.convert("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(convert.convert("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(convert.convert("-1")).isEqualTo(Duration.ofSeconds(-1)); // the engine says why that is wrong
        assertThatThrownBy(() -> convert.convert("soon")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> convert.convert("1e400")).isInstanceOf(TypeConversionException.class);
    }
}
