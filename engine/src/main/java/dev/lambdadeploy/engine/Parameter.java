package dev.lambdadeploy.engine;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every parameter a user sets, with its spelling in each front end: the Jenkins steps' field ({@code maxRetries})
 * and the CLI's option ({@code --max-retries}). Engine messages refer to parameters through {@link #ref()}, and
 * {@link ParameterNames} renders them as the front end that shows the message spells them.
 */
public enum Parameter {
    FUNCTION_NAME("functionName", "--function-name"),
    QUALIFIER("qualifier", "--qualifier"),
    REGION("region", "--region"),
    S3_BUCKET("s3Bucket", "--s3-bucket"),
    S3_KEY("s3Key", "--s3-key"),
    S3_OBJECT_VERSION("s3ObjectVersion", "--s3-object-version"),
    ZIP_FILE("zipFile", "--zip-file"),
    IMAGE_URI("imageUri", "--image-uri"),
    ARCHITECTURES("architectures", "--architectures"),
    PUBLISH("publish", "--publish"),
    DRY_RUN("dryRun", "--dry-run"),
    DESCRIPTION("description", "--description"),
    CODE_SHA256("codeSha256", "--code-sha256"),
    REVISION_ID("revisionId", "--revision-id"),
    MAX_RETRIES("maxRetries", "--max-retries"),
    MAX_WAIT_ATTEMPTS("maxWaitAttempts", "--max-wait-attempts"),
    POLL_INTERVAL("pollInterval", "--poll-interval"),
    WAIT_POLICY("waitPolicy", "--wait-policy"),
    WAIT_FOR_READY("waitForReady", "--wait-for-ready"),
    FAIL_ON_TIMEOUT("failOnTimeout", "--fail-on-timeout"),
    ROLLBACK("rollback", "--rollback"),
    ROLE_ARN("roleArn", "--role-arn"),
    EXTERNAL_ID("externalId", "--external-id"),
    ROLE_SESSION_NAME("roleSessionName", "--role-session-name"),
    ROLE_DURATION_SECONDS("roleDurationSeconds", "--role-duration-seconds"),
    ENDPOINT_URL("endpointUrl", "--endpoint-url"),
    PROFILE("profile", "--profile"),
    ENVIRONMENT("environment", "--environment"),
    ENVIRONMENT_MODE("environmentMode", "--environment-mode"),
    MEMORY_SIZE("memorySize", "--memory-size"),
    TIMEOUT("timeout", "--timeout"),
    HANDLER("handler", "--handler"),
    RUNTIME("runtime", "--runtime"),
    LAYERS("layers", "--layers"),
    EPHEMERAL_STORAGE("ephemeralStorage", "--ephemeral-storage"),
    KEEP_VERSIONS("keepVersions", "--keep-versions"),
    KEEP_YOUNGER_THAN("keepYoungerThan", "--keep-younger-than"),
    ALIAS("alias", "--alias"),
    VERSION("version", "--version"),
    CREATE_IF_MISSING("createIfMissing", "--create-if-missing"),
    ALIAS_REVISION_ID("aliasRevisionId", "--alias-revision-id"),
    SHIFT("shift", "--shift"),
    ALARMS("alarms", "--alarms"),
    ON_ALARM("onAlarm", "--on-alarm"),
    ALARM_POLL_INTERVAL("alarmPollInterval", "--alarm-poll-interval");

    private static final Map<String, Parameter> BY_JENKINS_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Parameter::jenkinsName, Function.identity()));

    private final String jenkinsName;
    private final String cliName;

    Parameter(String jenkinsName, String cliName) {
        this.jenkinsName = jenkinsName;
        this.cliName = cliName;
    }

    /** The field of the Pipeline steps and freestyle builders, e.g. {@code maxRetries}. */
    public String jenkinsName() {
        return jenkinsName;
    }

    /** The CLI's option, e.g. {@code --max-retries}. */
    public String cliName() {
        return cliName;
    }

    /** A reference to this parameter inside an engine message, rendered by {@link ParameterNames#render}. */
    public String ref() {
        return "{{" + jenkinsName + "}}";
    }

    /** The parameter a Jenkins field name stands for, e.g. {@code maxRetries} → {@link #MAX_RETRIES}. */
    public static Optional<Parameter> byJenkinsName(String jenkinsName) {
        return Optional.ofNullable(BY_JENKINS_NAME.get(jenkinsName));
    }
}
