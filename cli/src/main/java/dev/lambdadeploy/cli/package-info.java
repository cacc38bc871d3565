/** The command line front end (picocli) over the engine. Types are non-null unless marked {@code @Nullable}. */
@NullMarked
package dev.lambdadeploy.cli;

import org.jspecify.annotations.NullMarked;
