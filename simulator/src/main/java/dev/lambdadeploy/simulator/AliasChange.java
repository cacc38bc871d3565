package dev.lambdadeploy.simulator;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One change of an alias by CreateAlias, UpdateAlias or DeleteAlias, at the clock's instant: {@code alias} is what it
 * routes to from then on, null once deleted. From one change to the next the alias routed as the earlier one says.
 */
public record AliasChange(Instant at, String name, @Nullable AliasView alias) {}
