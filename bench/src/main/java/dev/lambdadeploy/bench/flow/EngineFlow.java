package dev.lambdadeploy.bench.flow;

import dev.lambdadeploy.engine.CodeSource;
import dev.lambdadeploy.engine.LambdaDeployer;
import dev.lambdadeploy.engine.LambdaResult;
import dev.lambdadeploy.engine.PublishVersionRequest;
import dev.lambdadeploy.engine.UpdateCodeRequest;
import dev.lambdadeploy.engine.WaitSettings;
import dev.lambdadeploy.engine.wait.WaitPolicy;
import dev.lambdadeploy.engine.wait.WaitPolicyName;

/** The engine as its front ends drive it: {@code updateCode}, then {@code publishVersion}, which waits first. */
public final class EngineFlow implements Contender {

    private final LambdaDeployer deployer;
    private final WaitSettings waitSettings;

    public EngineFlow(LambdaDeployer deployer, WaitSettings waitSettings) {
        this.deployer = deployer;
        this.waitSettings = waitSettings;
    }

    @Override
    public String key() {
        return "engine";
    }

    @Override
    public String label() {
        return label(waitSettings);
    }

    /**
     * The name in tables of the engine waiting with {@code settings}: the policy by name, stated here rather than read
     * from the engine's defaults, which issue 13 changes.
     */
    public static String label(WaitSettings settings) {
        String policy = switch (settings.waitPolicy()) {
            case ADAPTIVE -> "adaptive (default before issue 13)";
            case HISTORY -> "history (default)";
            case FIXED -> "fixed";
        };
        return "engine, " + policy + ", " + settings.maxWaitAttempts() + " x "
                + settings.pollInterval().toSeconds() + " s";
    }

    @Override
    public String budget() {
        return waitSettings
                        .pollInterval()
                        .multipliedBy(waitSettings.maxWaitAttempts())
                        .toSeconds() + " s";
    }

    /** The adaptive policy with the default budget: the engine's default before issue 13. */
    public static WaitSettings adaptive() {
        return adaptiveWithAttempts(WaitPolicy.DEFAULT_MAX_WAIT_ATTEMPTS);
    }

    /** The adaptive policy with its budget stretched to {@code attempts} x the default poll interval. */
    public static WaitSettings adaptiveWithAttempts(int attempts) {
        return new WaitSettings(attempts, WaitPolicy.DEFAULT_POLL_INTERVAL, WaitPolicyName.ADAPTIVE, false);
    }

    @Override
    public String update(String function, byte[] zip) throws InterruptedException {
        LambdaResult updated = deployer.updateCode(UpdateCodeRequest.builder()
                .functionName(function)
                .code(new CodeSource.ZipFile(zip, function + ".zip"))
                .waitForReady(false)
                .waitSettings(waitSettings)
                .build());
        return updated.codeSha256();
    }

    @Override
    public void awaitAndPublish(String function, String codeSha256) throws InterruptedException {
        LambdaResult result = deployer.publishVersion(PublishVersionRequest.builder()
                .functionName(function)
                .description("ENV: bench | commit | timestamp")
                .codeSha256(codeSha256)
                .waitSettings(waitSettings)
                .build());
        if (!result.published()) {
            throw new IllegalStateException("no version published for " + function);
        }
    }
}
