/** Benchmarks printing figures side by side. Types are non-null unless marked {@code @Nullable}. */
@NullMarked
package dev.lambdadeploy.bench;

import org.jspecify.annotations.NullMarked;
