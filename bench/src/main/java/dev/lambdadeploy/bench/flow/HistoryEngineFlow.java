package dev.lambdadeploy.bench.flow;

import dev.lambdadeploy.engine.CodeSource;
import dev.lambdadeploy.engine.LambdaDeployer;
import dev.lambdadeploy.engine.LambdaResult;
import dev.lambdadeploy.engine.PublishVersionRequest;
import dev.lambdadeploy.engine.UpdateCodeRequest;
import dev.lambdadeploy.engine.WaitSettings;
import dev.lambdadeploy.engine.wait.WaitPolicy;
import dev.lambdadeploy.engine.wait.WaitPolicyName;

/**
 * The engine with the {@code history} wait policy, as the CLI's {@code deploy} drives it: one {@code deploy} call
 * (update, wait, publish), so the UpdateFunctionCode response is the wait's first observation and the deployer's
 * {@link dev.lambdadeploy.engine.wait.WaitHistory} learns each function's update durations. It makes its own update:
 * the bench runs {@link #deploy} for it. {@code laterDeploy}: the row's functions were deployed once before
 * (unmeasured), so each has one duration in the history; otherwise the history is empty (a first deploy).
 */
public final class HistoryEngineFlow implements Contender {

    private final LambdaDeployer deployer;
    private final WaitSettings waitSettings;
    private final boolean laterDeploy;

    public HistoryEngineFlow(LambdaDeployer deployer, int attempts, boolean laterDeploy) {
        this.deployer = deployer;
        this.waitSettings = settings(attempts);
        this.laterDeploy = laterDeploy;
    }

    /** The history policy, named explicitly, with a budget of {@code attempts} x the default poll interval. */
    public static WaitSettings settings(int attempts) {
        return new WaitSettings(attempts, WaitPolicy.DEFAULT_POLL_INTERVAL, WaitPolicyName.HISTORY, false);
    }

    /** Whether the row's functions get one unmeasured deploy first, to give the history one duration. */
    public boolean laterDeploy() {
        return laterDeploy;
    }

    @Override
    public boolean updatesItself() {
        return true;
    }

    @Override
    public String key() {
        return laterDeploy ? "history-later" : "history-first";
    }

    @Override
    public String label() {
        return label(waitSettings.maxWaitAttempts(), laterDeploy);
    }

    /** The name in tables of the history policy's first or later deploy with a budget of {@code attempts} x 2 s. */
    public static String label(int attempts, boolean laterDeploy) {
        WaitSettings settings = settings(attempts);
        return EngineFlow.label(settings) + ", " + (laterDeploy ? "later deploy" : "first deploy");
    }

    @Override
    public String budget() {
        return waitSettings
                        .pollInterval()
                        .multipliedBy(waitSettings.maxWaitAttempts())
                        .toSeconds() + " s";
    }

    @Override
    public String update(String function, byte[] zip) throws InterruptedException {
        throw new UnsupportedOperationException("the history contender deploys in one call");
    }

    @Override
    public void awaitAndPublish(String function, String codeSha256) {
        throw new UnsupportedOperationException("the history contender deploys in one call");
    }

    @Override
    public void deploy(String function, byte[] zip) throws InterruptedException {
        LambdaResult result = deployer.deploy(
                UpdateCodeRequest.builder()
                        .functionName(function)
                        .code(new CodeSource.ZipFile(zip, function + ".zip"))
                        .waitSettings(waitSettings)
                        .build(),
                PublishVersionRequest.builder()
                        .functionName(function)
                        .description("ENV: bench | commit | timestamp")
                        .waitSettings(waitSettings)
                        .build());
        if (!result.published()) {
            throw new IllegalStateException("no version published for " + function);
        }
    }
}
