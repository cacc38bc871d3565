package io.jenkins.plugins.lambdadeploy.freestyle;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.lambdadeploy.steps.LambdaUpdateConfigurationStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** The freestyle build step of {@code lambdaUpdateConfiguration}; text fields expand build variables. */
public final class LambdaUpdateConfigurationBuilder extends AbstractLambdaBuilder<LambdaUpdateConfigurationStep> {

    @DataBoundConstructor
    public LambdaUpdateConfigurationBuilder(@NonNull LambdaUpdateConfigurationStep step) {
        super(step);
    }

    @Extension
    @Symbol("lambdaUpdateConfigurationBuilder")
    public static final class DescriptorImpl extends AbstractLambdaBuilderDescriptor {

        public DescriptorImpl() {
            super(LambdaUpdateConfigurationStep.class);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.LambdaUpdateConfigurationBuilder_DisplayName();
        }
    }
}
