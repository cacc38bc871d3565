package io.jenkins.plugins.lambdadeploy.freestyle;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.lambdadeploy.steps.LambdaCleanupVersionsStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** The freestyle build step of {@code lambdaCleanupVersions}, e.g. in a nightly job. */
public final class LambdaCleanupVersionsBuilder extends AbstractLambdaBuilder<LambdaCleanupVersionsStep> {

    @DataBoundConstructor
    public LambdaCleanupVersionsBuilder(@NonNull LambdaCleanupVersionsStep step) {
        super(step);
    }

    @Extension
    @Symbol("lambdaCleanupVersionsBuilder")
    public static final class DescriptorImpl extends AbstractLambdaBuilderDescriptor {

        public DescriptorImpl() {
            super(LambdaCleanupVersionsStep.class);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.LambdaCleanupVersionsBuilder_DisplayName();
        }
    }
}
