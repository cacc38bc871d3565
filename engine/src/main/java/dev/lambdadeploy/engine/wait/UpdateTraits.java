package dev.lambdadeploy.engine.wait;

import java.io.Serializable;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What the response to an UpdateFunctionCode or UpdateFunctionConfiguration says about the function that bears on
 * how long the update takes: the {@link HistoryWaitPolicy}'s expectation for a function without a history
 * ({@link #prior()}). Plain values, no secrets; serializable so that a driver that persists its wait (the Jenkins
 * plugin) can keep it. {@code dev.lambdadeploy.engine.aws.UpdateResponseTraits} reads it from the SDK's responses.
 *
 * @param packageType {@code Zip} or {@code Image} as Lambda answered it; null when it did not say
 * @param codeSize the deployment package's size in bytes (0 for an image or when not said)
 * @param inVpc whether the function is attached to a VPC (subnets configured)
 */
public record UpdateTraits(@Nullable String packageType, long codeSize, boolean inVpc) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Nothing known: no prior, the adaptive schedule. */
    public static final UpdateTraits UNKNOWN = new UpdateTraits(null, 0, false);

    public static final String ZIP = "Zip";
    public static final String IMAGE = "Image";

    /**
     * A small zip's update: about a second. Rules of thumb (erring short, since an expectation too short costs a few
     * polls, one too long costs overshoot up to half of it), not measurements.
     */
    static final Duration ZIP_TYPICAL = Duration.ofSeconds(1);

    /** A zip's update takes about a second longer per this many bytes of package. */
    static final long ZIP_BYTES_PER_EXTRA_SECOND = 25L * 1024 * 1024;

    /** A container image's update: Lambda optimizes the image, several seconds. */
    static final Duration IMAGE_TYPICAL = Duration.ofSeconds(5);

    /** A function in a VPC: half as long again. */
    static final int VPC_PERCENT = 150;

    /** The earliest end is this share of the typical one, the dense polling ends at this share. */
    static final int EARLIEST_PERCENT = 50;

    static final int DENSE_UNTIL_PERCENT = 110;

    public UpdateTraits {
        if (codeSize < 0) {
            throw new IllegalArgumentException("codeSize must not be negative, was " + codeSize);
        }
    }

    /**
     * When an update of such a function is expected to end, before anything was recorded for it: null when the package
     * type is not known (then the schedule is the adaptive one).
     */
    public @Nullable ExpectedEnd prior() {
        Duration typical;
        if (ZIP.equals(packageType)) {
            typical = ZIP_TYPICAL.plus(Duration.ofMillis(codeSize * 1000 / ZIP_BYTES_PER_EXTRA_SECOND));
        } else if (IMAGE.equals(packageType)) {
            typical = IMAGE_TYPICAL;
        } else {
            return null;
        }
        if (inVpc) {
            typical = typical.multipliedBy(VPC_PERCENT).dividedBy(100);
        }
        return new ExpectedEnd(
                typical.multipliedBy(EARLIEST_PERCENT).dividedBy(100),
                typical,
                typical.multipliedBy(DENSE_UNTIL_PERCENT).dividedBy(100),
                ExpectedEnd.Source.PRIOR);
    }
}
