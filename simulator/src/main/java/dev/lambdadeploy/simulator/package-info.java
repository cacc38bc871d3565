/**
 * An AWS Lambda control-plane simulator on loopback for tests, benchmarks and demos.
 *
 * <pre>{@code
 * ManualClock clock = new ManualClock(Instant.parse("2026-11-27T03:00:00Z"));
 * try (LambdaSimulator sim = LambdaSimulator.builder().clock(clock).start()) {
 *   LambdaClient lambda = LambdaClient.builder()
 *       .endpointOverride(sim.endpoint())
 *       .region(Region.of(sim.region()))
 *       .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
 *           SimulatorCredentials.ACCESS_KEY_ID, SimulatorCredentials.SECRET_ACCESS_KEY)))
 *       .build();
 *   sim.control().createFunction("orders", Duration.ZERO);
 *   lambda.updateFunctionCode(r -> r.functionName("orders").zipFile(zip)); // InProgress for 1 s
 *   clock.advance(Duration.ofSeconds(1));                                  // now Successful
 * }
 * }</pre>
 *
 * <p>The same endpoint serves CloudWatch's DescribeAlarms (Smithy RPC v2 CBOR, as the SDK's CloudWatch client sends
 * it, and AWS JSON 1.0; see {@code CloudWatchProtocol}), with alarm states scripted over the clock by {@link
 * dev.lambdadeploy.simulator.SimulatorControl#alarmStateAt(String, java.time.Duration, String, String)}.
 *
 * <p>STS's GetSessionToken and AssumeRole are served there too (AWS Query protocol, see {@code StsService}): the
 * temporary keys they issue are accepted for Lambda and CloudWatch calls, with their session token, until they expire
 * on the simulator's clock. The {@linkplain dev.lambdadeploy.simulator.JournalEntry#accessKeyId() journal} records the
 * key id each call was signed with.
 *
 * <p>Nothing happens in the background: each request (and each control call) works out the states
 * from the clock's current instant, so a {@link dev.lambdadeploy.simulator.ManualClock} drives every
 * transition and no test needs to sleep.
 */
@NullMarked
package dev.lambdadeploy.simulator;

import org.jspecify.annotations.NullMarked;
