package io.jenkins.plugins.lambdadeploy.freestyle;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.model.EnvironmentContributingAction;
import hudson.model.InvisibleAction;
import hudson.model.Run;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exports what a build step did (LAMBDA_FUNCTION_ARN, LAMBDA_VERSION, LAMBDA_CODE_SHA256, LAMBDA_REVISION_ID) to the
 * steps after it. Holds no secret. A later Lambda build step's values replace an earlier one's.
 */
public final class LambdaResultAction extends InvisibleAction implements EnvironmentContributingAction {

    private final LinkedHashMap<String, String> variables;

    public LambdaResultAction(@NonNull Map<String, String> variables) {
        this.variables = new LinkedHashMap<>(variables);
    }

    @Override
    public void buildEnvironment(@NonNull Run<?, ?> run, @NonNull EnvVars env) {
        env.putAll(variables);
    }
}
