package io.jenkins.plugins.lambdadeploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.casc.ConfigurationAsCode;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The administrator setting through configuration-as-code (a plugin ../shared/jenkins does not have). */
@Tag("full-jenkins")
@WithJenkinsConfiguredWithCode
class ConfigurationAsCodeTest {

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    void administratorSettingIsReadAndExported(JenkinsConfiguredWithCodeRule j) throws Exception {
        assertTrue(LambdaDeployConfiguration.get().isAllowControllerCredentials());
        ByteArrayOutputStream exported = new ByteArrayOutputStream();
        ConfigurationAsCode.get().export(exported);
        String yaml = exported.toString(StandardCharsets.UTF_8);
        assertTrue(yaml.contains("lambdaDeploy:") && yaml.contains("allowControllerCredentials: true"), yaml);
    }
}
