package dev.lambdadeploy.engine;

/** The names of the Lambda API operations that change a function, as AWS names them in errors and CloudTrail. */
public final class LambdaOperationNames {

    public static final String UPDATE_FUNCTION_CODE = "UpdateFunctionCode";
    public static final String PUBLISH_VERSION = "PublishVersion";

    private LambdaOperationNames() {}
}
