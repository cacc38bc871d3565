package io.jenkins.plugins.lambdadeploy.freestyle;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.lambdadeploy.steps.LambdaUpdateAliasStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** The freestyle build step of {@code lambdaUpdateAlias}; a shift blocks the build's executor until it ends. */
public final class LambdaUpdateAliasBuilder extends AbstractLambdaBuilder<LambdaUpdateAliasStep> {

    @DataBoundConstructor
    public LambdaUpdateAliasBuilder(@NonNull LambdaUpdateAliasStep step) {
        super(step);
    }

    @Extension
    @Symbol("lambdaUpdateAliasBuilder")
    public static final class DescriptorImpl extends AbstractLambdaBuilderDescriptor {

        public DescriptorImpl() {
            super(LambdaUpdateAliasStep.class);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.LambdaUpdateAliasBuilder_DisplayName();
        }
    }
}
