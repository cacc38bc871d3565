package io.jenkins.plugins.lambdadeploy.freestyle;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.lambdadeploy.steps.LambdaUpdateCodeStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** The freestyle build step of {@code lambdaUpdateCode}; a {@code zipFile} is read from the build's workspace. */
public final class LambdaUpdateCodeBuilder extends AbstractLambdaBuilder<LambdaUpdateCodeStep> {

    @DataBoundConstructor
    public LambdaUpdateCodeBuilder(@NonNull LambdaUpdateCodeStep step) {
        super(step);
    }

    @Extension
    @Symbol("lambdaUpdateCodeBuilder")
    public static final class DescriptorImpl extends AbstractLambdaBuilderDescriptor {

        public DescriptorImpl() {
            super(LambdaUpdateCodeStep.class);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.LambdaUpdateCodeBuilder_DisplayName();
        }
    }
}
