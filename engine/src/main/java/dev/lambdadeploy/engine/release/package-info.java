/**
 * From a published version to live traffic, as pure decisions over plain values: a gradual shift of an alias's
 * traffic ({@link dev.lambdadeploy.engine.release.ShiftPlan}, {@link dev.lambdadeploy.engine.release.ShiftDecider}),
 * which old versions may go ({@link dev.lambdadeploy.engine.release.VersionCleanup}), and what a configuration change
 * would do ({@link dev.lambdadeploy.engine.release.FunctionSettings}). The operations that call
 * Lambda and CloudWatch drive these. Types are non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.lambdadeploy.engine.release;

import org.jspecify.annotations.NullMarked;
