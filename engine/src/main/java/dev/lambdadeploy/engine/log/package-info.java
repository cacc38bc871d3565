/** The deploy log vocabulary: the lines every front end prints, the original script's and ours. Types are non-null unless marked {@code @Nullable}. */
@NullMarked
package dev.lambdadeploy.engine.log;

import org.jspecify.annotations.NullMarked;
