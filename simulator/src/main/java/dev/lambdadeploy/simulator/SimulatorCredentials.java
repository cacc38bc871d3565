package dev.lambdadeploy.simulator;

/** The access key pair a simulator accepts when the builder is given no other. Useless anywhere else. */
public final class SimulatorCredentials {
    public static final String ACCESS_KEY_ID = "AKIASIMULATOR0000001";
    public static final String SECRET_ACCESS_KEY = "simulator/secret/key/do-not-use-elsewhere";

    private SimulatorCredentials() {}
}
