package io.jenkins.plugins.lambdadeploy;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import dev.lambdadeploy.engine.AliasRequest;
import dev.lambdadeploy.engine.CleanupRequest;
import dev.lambdadeploy.engine.Durations;
import dev.lambdadeploy.engine.InvalidParameterException;
import dev.lambdadeploy.engine.Parameter;
import dev.lambdadeploy.engine.Validation;
import dev.lambdadeploy.engine.WaitSettings;
import dev.lambdadeploy.engine.release.FunctionSettings;
import dev.lambdadeploy.engine.release.ShiftPlan;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.springframework.security.core.Authentication;

/**
 * What the forms of the Pipeline steps and the freestyle build steps check, in one place. Field checks delegate to
 * the engine's {@link Validation}; only the credential checks do work, and they check permissions first.
 */
@Restricted(NoExternalUse.class)
public final class FormChecks {

    /** The credential types a step accepts: AWS Credentials, and a username (key id) with password (secret). */
    private static final CredentialsMatcher ACCEPTED = CredentialsMatchers.anyOf(
            CredentialsMatchers.instanceOf(AmazonWebServicesCredentials.class),
            CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class));

    private static final List<DomainRequirement> NO_DOMAIN = Collections.emptyList();

    private FormChecks() {}

    @NonNull
    public static ListBoxModel fillCredentials(@CheckForNull Item item, @CheckForNull String credentialsId) {
        StandardListBoxModel result = new StandardListBoxModel();
        String current = Util.fixNull(credentialsId);
        if (!mayListCredentials(item)) {
            return result.includeCurrentValue(current);
        }
        if (item == null) {
            result.includeEmptyValue()
                    .includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), StandardCredentials.class, NO_DOMAIN, ACCEPTED);
        } else {
            result.includeEmptyValue()
                    .includeMatchingAs(authenticationOf(item), item, StandardCredentials.class, NO_DOMAIN, ACCEPTED);
        }
        return result.includeCurrentValue(current);
    }

    @NonNull
    public static FormValidation checkCredentials(@CheckForNull Item item, @CheckForNull String value) {
        String id = Util.fixEmptyAndTrim(value);
        if (!mayListCredentials(item)) {
            return FormValidation.ok();
        }
        if (id == null) {
            return FormValidation.ok(Messages.FormChecks_NoCredentials());
        }
        if (id.startsWith("${") && id.endsWith("}")) {
            return FormValidation.warning(Messages.FormChecks_CredentialsExpression());
        }
        CredentialsMatcher matcher = CredentialsMatchers.allOf(CredentialsMatchers.withId(id), ACCEPTED);
        ListBoxModel found = item == null
                ? CredentialsProvider.listCredentialsInItemGroup(
                        StandardCredentials.class, Jenkins.get(), ACL.SYSTEM2, NO_DOMAIN, matcher)
                : CredentialsProvider.listCredentialsInItem(
                        StandardCredentials.class, item, authenticationOf(item), NO_DOMAIN, matcher);
        return found.isEmpty()
                ? FormValidation.error(Messages.FormChecks_CredentialsNotFound(id))
                : FormValidation.ok();
    }

    @NonNull
    public static ListBoxModel fillWaitPolicy() {
        ListBoxModel items = new ListBoxModel();
        WaitSettings.waitPolicyChoices().forEach(items::add);
        return items;
    }

    /** The global default first (empty), then {@code controller} and {@code agent}. */
    @NonNull
    public static ListBoxModel fillCallsFrom() {
        ListBoxModel items = new ListBoxModel();
        items.add(
                Messages.FormChecks_CallsFromDefault(
                        LambdaDeployConfiguration.get().callSite().spelling()),
                "");
        for (dev.lambdadeploy.engine.aws.CallSite site : dev.lambdadeploy.engine.aws.CallSite.values()) {
            items.add(site.spelling());
        }
        return items;
    }

    @NonNull
    public static ListBoxModel fillArchitectures() {
        ListBoxModel items = new ListBoxModel();
        items.add(Messages.FormChecks_ArchitectureUnchanged(), "");
        for (String architecture : Validation.ARCHITECTURES.stream().sorted().toList()) {
            items.add(architecture);
        }
        return items;
    }

    @NonNull
    public static ListBoxModel fillEnvironmentMode() {
        ListBoxModel items = new ListBoxModel();
        items.add(Messages.FormChecks_EnvironmentMerge(), "merge");
        items.add(Messages.FormChecks_EnvironmentReplace(), "replace");
        return items;
    }

    @NonNull
    public static ListBoxModel fillOnAlarm() {
        ListBoxModel items = new ListBoxModel();
        items.add(Messages.FormChecks_OnAlarmFail(), "fail");
        items.add(Messages.FormChecks_OnAlarmUnstable(), "unstable");
        return items;
    }

    /** A number field of the configuration, checked against Lambda's limits by the engine. */
    @NonNull
    public static FormValidation checkSetting(
            @CheckForNull String value, @NonNull IntFunction<FunctionSettings> settings) {
        return checkInteger(value, n -> settings.apply(n).validated());
    }

    @NonNull
    public static FormValidation checkShift(@CheckForNull String value) {
        String text = Util.fixEmptyAndTrim(value);
        return text == null ? FormValidation.ok() : check(() -> ShiftPlan.parse(text, Parameter.SHIFT.jenkinsName()));
    }

    @NonNull
    public static FormValidation checkKeepYoungerThan(@CheckForNull String value) {
        String text = Util.fixEmptyAndTrim(value);
        return text == null ? FormValidation.ok() : check(() -> Durations.parseAge(text, Parameter.KEEP_YOUNGER_THAN));
    }

    @NonNull
    public static FormValidation checkKeepVersions(@CheckForNull String value) {
        return checkInteger(
                value,
                n -> CleanupRequest.builder().functionName("f").keepNewest(n).build());
    }

    @NonNull
    public static FormValidation checkAlarmPollInterval(@CheckForNull String value) {
        return checkInteger(
                value,
                n -> AliasRequest.builder()
                        .functionName("f")
                        .alias("a")
                        .alarmPollInterval(Duration.ofSeconds(n))
                        .build());
    }

    @NonNull
    public static FormValidation check(@NonNull Check check) {
        try {
            check.run();
            return FormValidation.ok();
        } catch (InvalidParameterException e) {
            return FormValidation.error(e.problem());
        }
    }

    @NonNull
    public static FormValidation checkMaxWaitAttempts(@CheckForNull String value) {
        return checkInteger(value, n -> {
            WaitSettings d = WaitSettings.DEFAULTS;
            new WaitSettings(n, d.pollInterval(), d.waitPolicy(), d.failOnTimeout()).validated();
        });
    }

    @NonNull
    public static FormValidation checkPollInterval(@CheckForNull String value) {
        return checkInteger(value, n -> {
            WaitSettings d = WaitSettings.DEFAULTS;
            new WaitSettings(d.maxWaitAttempts(), Duration.ofSeconds(n), d.waitPolicy(), d.failOnTimeout()).validated();
        });
    }

    @NonNull
    public static FormValidation checkMaxRetries(@CheckForNull String value) {
        return checkInteger(value, Validation::maxRetries);
    }

    @NonNull
    public static FormValidation checkImageUri(@CheckForNull String value) {
        if (Util.fixEmptyAndTrim(value) == null) {
            return FormValidation.ok();
        }
        return check(() -> Validation.codeSource(null, null, null, null, null, value));
    }

    private static FormValidation checkInteger(@CheckForNull String value, IntCheck check) {
        String text = Util.fixEmptyAndTrim(value);
        if (text == null) {
            return FormValidation.ok();
        }
        int number;
        try {
            number = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return FormValidation.error(Messages.FormChecks_NotANumber(text));
        }
        return check(() -> check.run(number));
    }

    private static boolean mayListCredentials(@CheckForNull Item item) {
        if (item == null) {
            return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
        }
        return item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
    }

    private static Authentication authenticationOf(Item item) {
        return item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
    }

    /** A validation that throws {@link InvalidParameterException} when the value is wrong. */
    @FunctionalInterface
    public interface Check {
        void run();
    }

    @FunctionalInterface
    private interface IntCheck {
        void run(int value);
    }
}
