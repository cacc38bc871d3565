package io.jenkins.plugins.lambdadeploy.freestyle;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.lambdadeploy.steps.LambdaAwaitReadyStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** The freestyle build step of {@code lambdaAwaitReady}. */
public final class LambdaAwaitReadyBuilder extends AbstractLambdaBuilder<LambdaAwaitReadyStep> {

    @DataBoundConstructor
    public LambdaAwaitReadyBuilder(@NonNull LambdaAwaitReadyStep step) {
        super(step);
    }

    @Extension
    @Symbol("lambdaAwaitReadyBuilder")
    public static final class DescriptorImpl extends AbstractLambdaBuilderDescriptor {

        public DescriptorImpl() {
            super(LambdaAwaitReadyStep.class);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.LambdaAwaitReadyBuilder_DisplayName();
        }
    }
}
