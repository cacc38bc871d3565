package dev.lambdadeploy.engine.release;

import dev.lambdadeploy.engine.InvalidParameterException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which published versions of a function may be deleted, pure: never {@code $LATEST}, never a version an alias routes
 * to (as its version or through AdditionalVersionWeights), never one the rules keep. A version is kept when it is
 * among the newest {@code keepNewest} or younger than {@code keepYoungerThan}, whichever of the two is given; at least
 * one must be.
 *
 * @param keepNewest how many of the newest versions stay, at least 1; null to keep by age only
 * @param keepYoungerThan versions younger than this stay; null to keep by count only
 */
public record VersionCleanup(
        @Nullable Integer keepNewest, @Nullable Duration keepYoungerThan) implements java.io.Serializable {

    /** A published version as ListVersionsByFunction reports it. */
    public record Version(String version, Instant lastModified) {

        public Version {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(lastModified, "lastModified");
        }

        boolean isLatest() {
            return "$LATEST".equals(version);
        }

        long number() {
            return Long.parseLong(version);
        }
    }

    /** An alias and every version it routes to: its own and those of its AdditionalVersionWeights. */
    public record Alias(String name, String version, Set<String> weightedVersions) {

        public Alias {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            weightedVersions = Set.copyOf(weightedVersions);
        }
    }

    /** Why a version stays. */
    public enum KeptBecause {
        ROUTED_TO_BY_AN_ALIAS,
        AMONG_THE_NEWEST,
        YOUNGER_THAN_THE_LIMIT
    }

    public record Kept(String version, KeptBecause because) implements java.io.Serializable {}

    /** The versions to delete, oldest first, and those kept with the first reason that keeps each. */
    public record Plan(List<Version> delete, List<Kept> kept) {

        public Plan {
            delete = List.copyOf(delete);
            kept = List.copyOf(kept);
        }
    }

    /**
     * @param keepNewestParameter and the other: the caller's names of the two settings, for the error
     * @throws InvalidParameterException when neither rule is given or one is out of range
     */
    public static VersionCleanup of(
            @Nullable Integer keepNewest,
            @Nullable Duration keepYoungerThan,
            String keepNewestParameter,
            String keepYoungerThanParameter) {
        if (keepNewest == null && keepYoungerThan == null) {
            throw new InvalidParameterException(
                    keepNewestParameter,
                    "none given: set " + keepNewestParameter + " (versions to keep, e.g. 5) and/or "
                            + keepYoungerThanParameter + " (keep versions younger than that), so that not every version"
                            + " goes");
        }
        if (keepNewest != null && keepNewest < 1) {
            throw new InvalidParameterException(keepNewestParameter, "must be 1 or more, was " + keepNewest);
        }
        if (keepYoungerThan != null && (keepYoungerThan.isNegative() || keepYoungerThan.isZero())) {
            throw new InvalidParameterException(
                    keepYoungerThanParameter, "must be more than 0, was " + keepYoungerThan);
        }
        return new VersionCleanup(keepNewest, keepYoungerThan);
    }

    public Plan plan(List<Version> versions, List<Alias> aliases, Instant now) {
        Set<String> routed = new HashSet<>();
        for (Alias alias : aliases) {
            routed.add(alias.version());
            routed.addAll(alias.weightedVersions());
        }
        List<Version> published = versions.stream()
                .filter(v -> !v.isLatest())
                .sorted(Comparator.comparingLong(Version::number).reversed())
                .toList();
        List<Version> delete = new ArrayList<>();
        List<Kept> kept = new ArrayList<>();
        for (int i = 0; i < published.size(); i++) {
            Version v = published.get(i);
            if (routed.contains(v.version())) {
                kept.add(new Kept(v.version(), KeptBecause.ROUTED_TO_BY_AN_ALIAS));
            } else if (keepNewest != null && i < keepNewest) {
                kept.add(new Kept(v.version(), KeptBecause.AMONG_THE_NEWEST));
            } else if (keepYoungerThan != null
                    && Duration.between(v.lastModified(), now).compareTo(keepYoungerThan) < 0) {
                kept.add(new Kept(v.version(), KeptBecause.YOUNGER_THAN_THE_LIMIT));
            } else {
                delete.add(v);
            }
        }
        delete.sort(Comparator.comparingLong(Version::number));
        return new Plan(delete, kept);
    }
}
