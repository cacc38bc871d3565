package dev.lambdadeploy.engine;

/**
 * The names of the Lambda API operations that change a function or its aliases, as AWS names them in errors and CloudTrail: one
 * spelling for the operations that send them, the log that names them and the Jenkins plugin.
 */
public final class LambdaOperationNames {

    public static final String UPDATE_FUNCTION_CODE = "UpdateFunctionCode";
    public static final String PUBLISH_VERSION = "PublishVersion";
    public static final String UPDATE_FUNCTION_CONFIGURATION = "UpdateFunctionConfiguration";
    public static final String DELETE_FUNCTION = "DeleteFunction";
    public static final String CREATE_ALIAS = "CreateAlias";
    public static final String UPDATE_ALIAS = "UpdateAlias";

    private LambdaOperationNames() {}
}
