package dev.lambdadeploy.engine.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdadeploy.engine.InvalidParameterException;
import dev.lambdadeploy.engine.release.FunctionSettings.EnvironmentMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionSettingsTest {

    private static final String SECRET = "s3cr3t-db-password";

    private final FunctionSettings current = new FunctionSettings(
            Map.of("DB_PASSWORD", SECRET, "STAGE", "prod", "OLD", "x"),
            512,
            30,
            "app.Handler::handle",
            "java21",
            List.of(),
            "orders",
            512);

    @Test
    void mergedEnvironmentKeepsWhatItDoesNotName() {
        FunctionSettings change =
                new FunctionSettings(Map.of("STAGE", "canary", "NEW", "1"), 1024, null, null, null, null, null, null);

        FunctionSettings after = change.validated().appliedTo(current, EnvironmentMode.MERGE);

        assertThat(after.environment())
                .isEqualTo(Map.of("DB_PASSWORD", SECRET, "STAGE", "canary", "OLD", "x", "NEW", "1"));
        assertThat(after.memorySize()).isEqualTo(1024);
        assertThat(after.timeout()).isEqualTo(30);
    }

    @Test
    void theDiffNamesEveryChangeAndNeverAnEnvironmentValue() {
        FunctionSettings change = new FunctionSettings(
                Map.of("STAGE", "canary", "DB_PASSWORD", "n3w-" + SECRET), 1024, 60, null, null, null, null, null);

        List<FunctionSettings.Change> diff =
                FunctionSettings.diff(current, change.appliedTo(current, EnvironmentMode.REPLACE));

        assertThat(diff)
                .extracting(FunctionSettings.Change::toString)
                .containsExactly(
                        "memorySize: 512 -> 1024",
                        "timeout: 30 -> 60",
                        "environment.DB_PASSWORD: (value hidden) -> (new value hidden)",
                        "environment.OLD: (set, value hidden) -> (removed)",
                        "environment.STAGE: (value hidden) -> (new value hidden)");
        assertThat(diff.toString()).doesNotContain(SECRET, "canary", "prod");
    }

    @Test
    void nothingToChangeMakesNoDiff() {
        assertThat(FunctionSettings.unchanged().isEmpty()).isTrue();
        assertThat(FunctionSettings.diff(
                        current, FunctionSettings.unchanged().appliedTo(current, EnvironmentMode.MERGE)))
                .isEmpty();
    }

    @Test
    void limitsAreCheckedBeforeAnyCall() {
        assertThatThrownBy(() -> new FunctionSettings(null, 64, null, null, null, null, null, null).validated())
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Invalid memorySize: must be between 128 and 10240 MB, was 64");
        assertThatThrownBy(() -> new FunctionSettings(null, null, 901, null, null, null, null, null).validated())
                .hasMessage("Invalid timeout: must be between 1 and 900 seconds, was 901");
        assertThatThrownBy(
                        () -> new FunctionSettings(Map.of("AWS_REGION", "x"), null, null, null, null, null, null, null)
                                .validated())
                .hasMessage("Invalid environment: AWS_REGION is reserved by Lambda");
        assertThatThrownBy(() ->
                        new FunctionSettings(Map.of("1X", "x"), null, null, null, null, null, null, null).validated())
                .hasMessageStartingWith("Invalid environment: '1X' is not a variable name");
        assertThatThrownBy(() ->
                        new FunctionSettings(null, null, null, null, null, List.of("arn:nope"), null, null).validated())
                .hasMessageStartingWith("Invalid layers: 'arn:nope' is not a layer version ARN");
        assertThatThrownBy(() -> new FunctionSettings(
                                Map.of("BIG", "x".repeat(5000)), null, null, null, null, null, null, null)
                        .validated())
                .hasMessageStartingWith("Invalid environment: the variables would take 5003 bytes");
        assertThat(new FunctionSettings(
                                null,
                                null,
                                null,
                                null,
                                null,
                                List.of("arn:aws:lambda:eu-west-1:123456789012:layer:deps:7"),
                                null,
                                null)
                        .validated()
                        .layers())
                .hasSize(1);
    }

    @Test
    void aMergeThatOutgrowsTheLimitIsRefused() {
        FunctionSettings big =
                new FunctionSettings(Map.of("A", "x".repeat(4000)), null, null, null, null, null, null, null);
        FunctionSettings alsoBig =
                new FunctionSettings(Map.of("B", "y".repeat(200)), null, null, null, null, null, null, null);

        assertThatThrownBy(() -> alsoBig.appliedTo(big, EnvironmentMode.MERGE))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("4202 bytes");
    }

    @Test
    void environmentTextIsOneVariableALineWithValuesKeptWhole() {
        assertThat(FunctionSettings.parseEnvironment("LOG_LEVEL=debug\r\n\nURL=https://x.example/?a=b\n"))
                .containsExactly(Map.entry("LOG_LEVEL", "debug"), Map.entry("URL", "https://x.example/?a=b"));
        assertThat(FunctionSettings.parseEnvironment("  ")).isNull();
        assertThat(FunctionSettings.parseEnvironment(null)).isNull();
    }

    @Test
    void aBadEnvironmentLineIsNamedByNumberNeverByValue() {
        assertThatThrownBy(() -> FunctionSettings.parseEnvironment("A=1\nsecret-value-without-key"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("environment")
                .hasMessageContaining("line 2")
                .hasMessageNotContaining("secret-value");
        assertThatThrownBy(() -> FunctionSettings.parseEnvironment("A=1\nA=2"))
                .hasMessageContaining("line 2 sets A a second time");
    }

    @Test
    void environmentModeIsMergeUnlessReplaceIsAskedFor() {
        assertThat(FunctionSettings.EnvironmentMode.parse(null)).isEqualTo(FunctionSettings.EnvironmentMode.MERGE);
        assertThat(FunctionSettings.EnvironmentMode.parse(" Replace "))
                .isEqualTo(FunctionSettings.EnvironmentMode.REPLACE);
        assertThatThrownBy(() -> FunctionSettings.EnvironmentMode.parse("append"))
                .hasMessageContaining("environmentMode")
                .hasMessageContaining("neither merge nor replace");
    }

    @Test
    void toStringNamesVariablesButNeverShowsTheirValues() {
        FunctionSettings settings = new FunctionSettings(
                Map.of("DB_PASSWORD", "hunter2-never-shown"), 512, null, null, null, null, null, null);
        assertThat(settings.toString()).contains("DB_PASSWORD").contains("512").doesNotContain("hunter2");
    }
}
