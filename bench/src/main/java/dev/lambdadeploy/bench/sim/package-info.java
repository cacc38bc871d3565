/** The simulator set-up and scaled time of the benchmarks. Types are non-null unless marked {@code @Nullable}. */
@NullMarked
package dev.lambdadeploy.bench.sim;

import org.jspecify.annotations.NullMarked;
