package dev.lambdadeploy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AliasRequestTest {

    private static AliasRequest.Builder valid() {
        return AliasRequest.builder().functionName("fn").alias("live").version("3");
    }

    @Test
    void defaults() {
        AliasRequest request = valid().build();
        assertThat(request.shifting()).isFalse();
        assertThat(request.alarms()).isEmpty();
        assertThat(request.alarmPollInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(request.onAlarm()).isEqualTo(AliasRequest.OnAlarm.FAIL);
        assertThat(request.toBuilder().build()).isEqualTo(request);
    }

    @Test
    void aliasNamesFollowLambdasPattern() {
        assertThatThrownBy(() -> valid().alias("12").build()).hasMessageContaining("alias");
        assertThatThrownBy(() -> valid().alias("$LATEST").build()).hasMessageContaining("alias");
        assertThatThrownBy(() -> valid().alias("a b").build()).hasMessageContaining("alias");
        assertThatThrownBy(() -> valid().alias(null).build()).hasMessageContaining("alias");
        assertThat(valid().alias("blue-green_2").build().alias()).isEqualTo("blue-green_2");
    }

    @Test
    void theFunctionIsUnqualifiedAndTheVersionANumber() {
        assertThatThrownBy(() -> valid().functionName("fn:live").build()).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> valid().version("live").build()).hasMessageContaining("version");
        assertThat(valid().version("$LATEST").build().version()).isEqualTo("$LATEST");
    }

    @Test
    void latestCannotTakeAShiftAndAlarmsNeedOne() {
        assertThatThrownBy(() -> valid().version("$LATEST")
                        .shift("Linear10PercentEvery1Minute")
                        .build())
                .hasMessageContaining("$LATEST");
        assertThatThrownBy(() -> valid().alarms(List.of("errors")).build()).hasMessageContaining("shift");
        AliasRequest shifting = valid().shift("Canary10Percent5Minutes")
                .alarms(List.of("errors", "errors", "p99"))
                .build();
        assertThat(shifting.shifting()).isTrue();
        assertThat(shifting.alarms()).containsExactly("errors", "p99");
    }

    @Test
    void onAlarmParsesEitherCase() {
        assertThat(AliasRequest.OnAlarm.parse("unstable")).isEqualTo(AliasRequest.OnAlarm.UNSTABLE);
        assertThat(AliasRequest.OnAlarm.parse(null)).isEqualTo(AliasRequest.OnAlarm.FAIL);
        assertThatThrownBy(() -> AliasRequest.OnAlarm.parse("ignore")).hasMessageContaining("onAlarm");
    }

    @Test
    void aPersistedRequestComesBackEqualFromItsPlainMap() {
        AliasRequest request = valid().shift("10%:5m,50%:10m")
                .alarms(List.of("errors", "latency"))
                .onAlarm(AliasRequest.OnAlarm.UNSTABLE)
                .alarmPollInterval(Duration.ofSeconds(45))
                .createIfMissing(true)
                .aliasRevisionId("6f3b1c2e-0a4d-4e5f-9a8b-7c6d5e4f3a2b")
                .build();
        assertThat(AliasRequest.fromMap(request.toMap())).isEqualTo(request);
        assertThat(request.toMap().values())
                .allMatch(v -> v == null
                        || v instanceof String
                        || v instanceof Boolean
                        || v instanceof Number
                        || v instanceof List);
        AliasRequest forADeploy = valid().version(null).build();
        assertThat(AliasRequest.fromMap(forADeploy.toMap())).isEqualTo(forADeploy);
    }

    @Test
    void aMapThatIsNotARequestIsRefused() {
        assertThatThrownBy(() -> AliasRequest.fromMap(java.util.Map.of("functionName", "fn")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
