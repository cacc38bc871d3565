package io.jenkins.plugins.lambdadeploy.freestyle;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.AbstractProject;
import hudson.model.Descriptor;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import io.jenkins.plugins.lambdadeploy.steps.AbstractLambdaStep;
import jenkins.model.Jenkins;

/** What a freestyle build step's descriptor adds to its step's: where it applies, and which step's form it shows. */
public abstract class AbstractLambdaBuilderDescriptor extends BuildStepDescriptor<Builder> {

    private final Class<? extends AbstractLambdaStep> stepType;

    protected AbstractLambdaBuilderDescriptor(@NonNull Class<? extends AbstractLambdaStep> stepType) {
        this.stepType = stepType;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean isApplicable(Class<? extends AbstractProject> jobType) {
        return true;
    }

    /** The step's descriptor, whose form (fields, checks, help) the build step's form shows inline. */
    @NonNull
    public Descriptor<?> getStepDescriptor() {
        return Jenkins.get().getDescriptorOrDie(stepType);
    }
}
