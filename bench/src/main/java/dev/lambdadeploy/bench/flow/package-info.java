/** The contenders the benchmarks compare. Types are non-null unless marked {@code @Nullable}. */
@NullMarked
package dev.lambdadeploy.bench.flow;

import org.jspecify.annotations.NullMarked;
