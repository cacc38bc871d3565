package dev.lambdadeploy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdadeploy.engine.release.VersionCleanup;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every operation's result gives the front ends: fields, LAMBDA_* variables, warnings. */
class OperationResultTest {

    private static final AliasResult POINTED =
            new AliasResult("fn", "live", "7", "6", "rev-2", false, false, null, null);
    private static final AliasResult ROLLED_BACK_UNSTABLE = new AliasResult(
            "fn", "live", "6", "6", "rev-3", false, true, "errors", "Alias live of fn was rolled back to version 6");

    @Test
    void anAliasExportsWhereItRoutesAndWhereItRoutedBefore() {
        assertThat(POINTED.environment())
                .containsExactly(
                        Map.entry("LAMBDA_ALIAS", "live"),
                        Map.entry("LAMBDA_ALIAS_VERSION", "7"),
                        Map.entry("LAMBDA_PREVIOUS_VERSION", "6"),
                        Map.entry("LAMBDA_ALIAS_REVISION_ID", "rev-2"),
                        Map.entry("LAMBDA_ALIAS_ROLLED_BACK", "false"));
        AliasResult created = new AliasResult("fn", "live", "1", null, null, true, false, null, null);
        assertThat(created.environment()).doesNotContainKeys("LAMBDA_PREVIOUS_VERSION", "LAMBDA_ALIAS_REVISION_ID");
    }

    @Test
    void onlyARollbackTheUserAskedToSeeAsUnstableMarksTheBuild() {
        assertThat(POINTED.marksUnstable()).isFalse();
        assertThat(ROLLED_BACK_UNSTABLE.marksUnstable()).isTrue();
        assertThat(LambdaResult.empty("fn").toBuilder()
                        .warning(LambdaResult.TIMEOUT_WARNING)
                        .build()
                        .marksUnstable())
                .isFalse();
    }

    @Test
    void aDeployWithAnAliasExportsBothAndJoinsTheirWarnings() {
        LambdaResult published = LambdaResult.empty("fn").toBuilder()
                .version("7")
                .codeSha256("sha")
                .warning(LambdaResult.TIMEOUT_WARNING)
                .build();
        AliasedDeployResult both = new AliasedDeployResult(published, ROLLED_BACK_UNSTABLE);
        assertThat(both.environment())
                .containsEntry("LAMBDA_VERSION", "7")
                .containsEntry("LAMBDA_CODE_SHA256", "sha")
                .containsEntry("LAMBDA_ALIAS_VERSION", "6")
                .containsEntry("LAMBDA_ALIAS_ROLLED_BACK", "true");
        assertThat(both.warning()).isEqualTo(LambdaResult.TIMEOUT_WARNING + "; " + ROLLED_BACK_UNSTABLE.warning());
        assertThat(both.marksUnstable()).isTrue();
        AliasedDeployResult withoutAlias = new AliasedDeployResult(published, null);
        assertThat(withoutAlias.environment()).isEqualTo(published.environment());
        assertThat(withoutAlias.marksUnstable()).isFalse();
    }

    @Test
    void aCleanupExportsWhatItDeletedAndSkippedAndNeverWarns() {
        CleanupResult result = new CleanupResult(
                "fn",
                List.of("1", "2"),
                List.of(new VersionCleanup.Kept("3", VersionCleanup.KeptBecause.ROUTED_TO_BY_AN_ALIAS)),
                List.of("4"),
                false);
        assertThat(result.environment())
                .containsExactly(
                        Map.entry("LAMBDA_DELETED_VERSIONS", "1,2"), Map.entry("LAMBDA_SKIPPED_VERSIONS", "4"));
        assertThat(result.warning()).isNull();
        assertThat(result.marksUnstable()).isFalse();
    }
}
