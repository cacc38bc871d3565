/**
 * The deploy logic every front end shares (the Jenkins plugin, the CLI): {@link dev.lambdadeploy.engine.LambdaDeployer}
 * over the AWS SDK v2, the waits of {@link dev.lambdadeploy.engine.wait}, and the log of
 * {@link dev.lambdadeploy.engine.log.DeployLog}.
 *
 * <p>"The spec", wherever this code names it, is the Lambda function state management specification this project
 * replaces: its bash deploy script over the AWS CLI (update-function-code, up to {@code MAX_WAIT_ATTEMPTS=30} polls
 * of get-function {@code SLEEP_INTERVAL=2} seconds apart, publish-version anyway on timeout, {@code MAX_RETRIES=3}
 * retries of the publish, a rollback branch) and its "Expected Logs" for the scenarios "Successful Deployment",
 * "Deployment with Wait" and "Timeout Scenario". It is not part of this repository: {@code docs/migration-from-bash.md}
 * describes it and maps it onto the parameters, and {@code bench/scripts/spec-deploy.sh} re-enacts its script.
 *
 * <p>Nullness: types are non-null unless marked {@code @Nullable} (JSpecify), in every module but the Jenkins plugin,
 * which follows Jenkins' own convention ({@code @CheckForNull}/{@code @NonNull} of spotbugs-annotations, which its
 * parent's SpotBugs checks).
 */
@NullMarked
package dev.lambdadeploy.engine;

import org.jspecify.annotations.NullMarked;
