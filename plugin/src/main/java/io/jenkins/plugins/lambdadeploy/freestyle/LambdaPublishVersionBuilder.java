package io.jenkins.plugins.lambdadeploy.freestyle;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.lambdadeploy.steps.LambdaPublishVersionStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * The freestyle build step of {@code lambdaPublishVersion}; {@code ${LAMBDA_CODE_SHA256}} pins the code of an update
 * before it.
 */
public final class LambdaPublishVersionBuilder extends AbstractLambdaBuilder<LambdaPublishVersionStep> {

    @DataBoundConstructor
    public LambdaPublishVersionBuilder(@NonNull LambdaPublishVersionStep step) {
        super(step);
    }

    @Extension
    @Symbol("lambdaPublishVersionBuilder")
    public static final class DescriptorImpl extends AbstractLambdaBuilderDescriptor {

        public DescriptorImpl() {
            super(LambdaPublishVersionStep.class);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.LambdaPublishVersionBuilder_DisplayName();
        }
    }
}
