package dev.lambdadeploy.cli;

import dev.lambdadeploy.engine.CleanupRequest;
import dev.lambdadeploy.engine.DeployOperation;
import dev.lambdadeploy.engine.Durations;
import dev.lambdadeploy.engine.InvalidParameterException;
import dev.lambdadeploy.engine.Parameter;
import dev.lambdadeploy.engine.UpdateCodeRequest;
import java.time.Duration;
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
    DeployOperation prepare() {
        CleanupRequest request = CleanupRequest.builder()
                .functionName(function.functionName)
                .keepNewest(keep)
                .keepYoungerThan(keepYoungerThan)
                .dryRun(dryRun)
                .maxRetries(maxRetries)
                .build();
        return deployer -> deployer.cleanupVersions(request);
    }

    /** An age: a number of days ({@code 30}, {@code 30d}), hours ({@code 12h}) or minutes ({@code 90m}). */
    static final class AgeConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return Durations.parseAge(value, Parameter.KEEP_YOUNGER_THAN);
            } catch (InvalidParameterException e) {
                throw new TypeConversionException(e.problem());
            }
        }
    }
}
