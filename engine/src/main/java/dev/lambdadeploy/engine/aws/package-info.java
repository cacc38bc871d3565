/** AWS SDK v2 clients, credentials, regions, proxies, quotas and error descriptions. Types are non-null unless marked {@code @Nullable}. */
@NullMarked
package dev.lambdadeploy.engine.aws;

import org.jspecify.annotations.NullMarked;
