/** Tables and reports of the benchmarks. Types are non-null unless marked {@code @Nullable}. */
@NullMarked
package dev.lambdadeploy.bench.report;

import org.jspecify.annotations.NullMarked;
