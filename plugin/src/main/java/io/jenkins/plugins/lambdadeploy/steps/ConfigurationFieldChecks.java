package io.jenkins.plugins.lambdadeploy.steps;

import dev.lambdadeploy.engine.Validation;
import dev.lambdadeploy.engine.release.FunctionSettings;
import hudson.Util;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.lambdadeploy.FormChecks;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The form checks of the configuration fields ({@link ConfigurationFields}), for every step descriptor whose form has
 * them ({@code lambdaUpdateConfiguration}, {@code lambdaDeploy}). Jenkins finds a field's {@code doCheck…} method among
 * the descriptor's public methods and Stapler among those of its interfaces, so one default method serves both; each
 * check is one call of the engine's validation.
 */
public interface ConfigurationFieldChecks {

    @POST
    default FormValidation doCheckEnvironment(@QueryParameter String value) {
        return FormChecks.check(() -> FunctionSettings.parseEnvironment(value));
    }

    @POST
    default ListBoxModel doFillEnvironmentModeItems() {
        return FormChecks.fillEnvironmentMode();
    }

    @POST
    default FormValidation doCheckMemorySize(@QueryParameter String value) {
        return FormChecks.checkSetting(value, n -> new FunctionSettings(null, n, null, null, null, null, null, null));
    }

    @POST
    default FormValidation doCheckTimeout(@QueryParameter String value) {
        return FormChecks.checkSetting(value, n -> new FunctionSettings(null, null, n, null, null, null, null, null));
    }

    @POST
    default FormValidation doCheckEphemeralStorage(@QueryParameter String value) {
        return FormChecks.checkSetting(value, n -> new FunctionSettings(null, null, null, null, null, null, null, n));
    }

    @POST
    default FormValidation doCheckHandler(@QueryParameter String value) {
        return FormChecks.check(
                () -> new FunctionSettings(null, null, null, Util.fixEmptyAndTrim(value), null, null, null, null)
                        .validated());
    }

    @POST
    default FormValidation doCheckRuntime(@QueryParameter String value) {
        return FormChecks.check(
                () -> new FunctionSettings(null, null, null, null, Util.fixEmptyAndTrim(value), null, null, null)
                        .validated());
    }

    @POST
    default FormValidation doCheckLayers(@QueryParameter String value) {
        return FormChecks.check(() ->
                new FunctionSettings(null, null, null, null, null, Validation.listOf(value), null, null).validated());
    }
}
