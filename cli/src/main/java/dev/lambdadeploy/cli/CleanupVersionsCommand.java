package dev.lambdadeploy.cli;

import dev.lambdadeploy.engine.CleanupRequest;
import dev.lambdadeploy.engine.UpdateCodeRequest;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

@Command(
        name = "cleanup-versions",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
            "Deletes old published versions: keeps the newest --keep and/or those younger than --keep-younger-than, "
                    + "never $LATEST and never a version an alias routes to (weighted routing included). A delete "
                    + "Lambda refuses (an alias moved onto the version meanwhile) is skipped and reported."
        })
final class CleanupVersionsCommand extends AwsCommand {

    @Option(
            names = {"--keep", "--keep-versions"},
            paramLabel = "N",
            description = "How many of the newest versions stay (1 or more).")
    @Nullable
    Integer keep;

    @Option(
            names = "--keep-younger-than",
            paramLabel = "AGE",
            converter = AgeConverter.class,
            description = "Versions younger than this stay: days (30d, or 30), hours (12h) or minutes (90m).")
    @Nullable
    Duration keepYoungerThan;

    @Option(names = "--dry-run", description = "Only list what would be deleted; delete nothing.")
    boolean dryRun;

    @Option(
            names = "--max-retries",
            paramLabel = "N",
            defaultValue = "" + UpdateCodeRequest.DEFAULT_MAX_RETRIES,
            description = "Times to retry a throttled delete. Default: ${DEFAULT-VALUE}.")
    int maxRetries;

    CleanupVersionsCommand(CliContext context) {
        super(context);
    }

    @Override
    MapOperation prepare() {
        CleanupRequest request = CleanupRequest.builder()
                .functionName(function.functionName)
                .keepNewest(keep)
                .keepYoungerThan(keepYoungerThan)
                .dryRun(dryRun)
                .maxRetries(maxRetries)
                .build();
        return deployer -> deployer.cleanupVersions(request).toMap();
    }

    /** An age: a number of days ({@code 30}, {@code 30d}), hours ({@code 12h}) or minutes ({@code 90m}). */
    static final class AgeConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            try {
                if (v.endsWith("d")) {
                    return Duration.ofDays(Long.parseLong(v.substring(0, v.length() - 1)));
                }
                if (v.endsWith("h")) {
                    return Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1)));
                }
                if (v.endsWith("m")) {
                    return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
                }
                return Duration.ofDays(Long.parseLong(v));
            } catch (NumberFormatException | ArithmeticException e) {
                throw new TypeConversionException(
                        "'" + value + "' is not an age: give days such as 30d (or 30), hours such as 12h, or minutes"
                                + " such as 90m");
            }
        }
    }
}
