package dev.lambdadeploy.engine.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdadeploy.engine.InvalidParameterException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class VersionCleanupTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static List<VersionCleanup.Version> versions(int count) {
        List<VersionCleanup.Version> versions = new ArrayList<>();
        versions.add(new VersionCleanup.Version("$LATEST", NOW));
        for (int v = 1; v <= count; v++) {
            versions.add(new VersionCleanup.Version(String.valueOf(v), NOW.minus(Duration.ofDays(count - v))));
        }
        return versions;
    }

    @Test
    void keepsTheNewestAndWhatAliasesRouteTo() {
        VersionCleanup cleanup = VersionCleanup.of(3, null, "keepVersions", "keepDays");
        List<VersionCleanup.Alias> aliases = List.of(
                new VersionCleanup.Alias("live", "4", Set.of("2")), new VersionCleanup.Alias("beta", "9", Set.of()));

        VersionCleanup.Plan plan = cleanup.plan(versions(10), aliases, NOW);

        assertThat(plan.delete()).extracting(VersionCleanup.Version::version).containsExactly("1", "3", "5", "6", "7");
        assertThat(plan.kept())
                .containsExactly(
                        new VersionCleanup.Kept("10", VersionCleanup.KeptBecause.AMONG_THE_NEWEST),
                        new VersionCleanup.Kept("9", VersionCleanup.KeptBecause.ROUTED_TO_BY_AN_ALIAS),
                        new VersionCleanup.Kept("8", VersionCleanup.KeptBecause.AMONG_THE_NEWEST),
                        new VersionCleanup.Kept("4", VersionCleanup.KeptBecause.ROUTED_TO_BY_AN_ALIAS),
                        new VersionCleanup.Kept("2", VersionCleanup.KeptBecause.ROUTED_TO_BY_AN_ALIAS));
    }

    @Test
    void keepsWhatEitherRuleKeeps() {
        VersionCleanup cleanup = VersionCleanup.of(2, Duration.ofDays(4), "keepVersions", "keepDays");

        VersionCleanup.Plan plan = cleanup.plan(versions(10), List.of(), NOW);

        // 10 and 9 by count; 7 and 8 younger than 4 days (ages 3 and 2 days); 6 is exactly 4 days old
        assertThat(plan.delete())
                .extracting(VersionCleanup.Version::version)
                .containsExactly("1", "2", "3", "4", "5", "6");
    }

    @Test
    void withoutARuleNothingIsPlanned() {
        assertThatThrownBy(() -> VersionCleanup.of(null, null, "keepVersions", "keepDays"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("Invalid keepVersions: none given: set keepVersions");
        assertThatThrownBy(() -> VersionCleanup.of(0, null, "--keep-versions", "--keep-days"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("Invalid --keep-versions: must be 1 or more, was 0");
    }

    /** Never $LATEST, never a routed version, never one of the newest N; everything else older than D goes. */
    @Property(tries = 300)
    void neverDeletesWhatMustStay(
            @ForAll @IntRange(min = 0, max = 40) int count,
            @ForAll @IntRange(min = 1, max = 10) int keep,
            @ForAll @IntRange(min = 0, max = 40) int aliased,
            @ForAll @IntRange(min = 0, max = 40) int weighted) {
        VersionCleanup cleanup = VersionCleanup.of(keep, null, "keepVersions", "keepDays");
        List<VersionCleanup.Alias> aliases = List.of(new VersionCleanup.Alias(
                "live", String.valueOf(aliased), weighted == 0 ? Set.of() : Set.of(String.valueOf(weighted))));

        VersionCleanup.Plan plan = cleanup.plan(versions(count), aliases, NOW);

        Set<String> deleted = new HashSet<>();
        plan.delete().forEach(v -> deleted.add(v.version()));
        assertThat(deleted).doesNotContain("$LATEST", String.valueOf(aliased), String.valueOf(weighted));
        for (int v = Math.max(1, count - keep + 1); v <= count; v++) {
            assertThat(deleted).doesNotContain(String.valueOf(v));
        }
        assertThat(deleted.size() + plan.kept().size()).isEqualTo(count);
    }
}
