package dev.lambdadeploy.engine;

/**
 * One operation of the engine on requests a front end has built and validated, ready to run with the deployer the
 * front end connected: {@code deployer -> deployer.updateCode(request)}. The CLI's commands and the Jenkins plugin's
 * freestyle build steps prepare one before any AWS call, then run it.
 */
@FunctionalInterface
public interface DeployOperation {

    OperationResult run(LambdaDeployer deployer) throws InterruptedException;
}
