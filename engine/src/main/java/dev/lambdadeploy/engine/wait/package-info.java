/** The readiness wait: the pure decision, the wait policies, one poll step and its drivers. Types are non-null unless marked {@code @Nullable}. */
@NullMarked
package dev.lambdadeploy.engine.wait;

import org.jspecify.annotations.NullMarked;
