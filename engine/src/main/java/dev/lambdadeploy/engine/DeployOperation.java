package dev.lambdadeploy.engine;

/**
 * One operation of the engine on requests a front end has built and validated, ready to run with the deployer the
 * front end connected: {@code deployer -> deployer.updateCode(request)}. The CLI's commands and the Jenkins plugin's
 * freestyle build steps prepare one before any AWS call, then run it. Serializable, so that a lambda of plain values
 * can be sent to where the calls run (a Jenkins agent).
 */
@FunctionalInterface
public interface DeployOperation extends java.io.Serializable {

    OperationResult run(LambdaDeployer deployer) throws InterruptedException;
}
