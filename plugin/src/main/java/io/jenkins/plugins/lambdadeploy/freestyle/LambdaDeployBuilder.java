package io.jenkins.plugins.lambdadeploy.freestyle;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.lambdadeploy.steps.LambdaDeployStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** The freestyle build step of {@code lambdaDeploy}; a {@code zipFile} is read from the build's workspace. */
public final class LambdaDeployBuilder extends AbstractLambdaBuilder<LambdaDeployStep> {

    @DataBoundConstructor
    public LambdaDeployBuilder(@NonNull LambdaDeployStep step) {
        super(step);
    }

    @Extension
    @Symbol("lambdaDeployBuilder")
    public static final class DescriptorImpl extends AbstractLambdaBuilderDescriptor {

        public DescriptorImpl() {
            super(LambdaDeployStep.class);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.LambdaDeployBuilder_DisplayName();
        }
    }
}
