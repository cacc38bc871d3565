package io.jenkins.plugins.lambdadeploy;

import com.cloudbees.jenkins.plugins.awscredentials.AWSCredentialsImpl;
import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import dev.lambdadeploy.simulator.LambdaSimulator;
import dev.lambdadeploy.simulator.SimulatorCredentials;
import hudson.util.Secret;
import io.jenkins.plugins.lambdadeploy.steps.AbstractLambdaStep;
import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;

/** A simulator on 127.0.0.1 and the credentials it accepts, stored the way users store them. */
public final class LambdaTestSupport {

    public static final String AWS_CREDENTIALS_ID = "simulator-aws";
    public static final String KEY_PAIR_ID = "simulator-keys";
    public static final String SESSION_TOKEN_ID = "simulator-session-token";
    /** The simulator checks signatures, not session tokens: any token works, and this one must never be persisted. */
    public static final String SESSION_TOKEN = "FwoGZXIvYXdzEXAMPLEsessionTOKENnever-persisted";
    /** An empty but valid zip archive. */
    public static final byte[] EMPTY_ZIP = {0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    };

    private static final AtomicInteger FUNCTIONS = new AtomicInteger();

    private LambdaTestSupport() {}

    private static LambdaSimulator simulator;

    /**
     * One simulator on 127.0.0.1 for every test of this JVM, each test on functions of its own ({@link #newFunction}):
     * real time, short updates, no quotas, so the only waits in the tests are the updates' own durations.
     */
    public static synchronized LambdaSimulator simulator() {
        if (simulator == null) {
            LambdaSimulator started = LambdaSimulator.builder()
                    .port(0)
                    .quotas(false)
                    .defaultUpdateDuration(Duration.ofMillis(500))
                    .defaultCreateDuration(Duration.ZERO)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "lambda-simulator-stop"));
            simulator = started;
        }
        return simulator;
    }

    /** A function name no other test uses, created Active. */
    public static String newFunction(LambdaSimulator sim, String prefix) {
        String name = prefix + "-" + FUNCTIONS.incrementAndGet();
        sim.control().createFunction(name, Duration.ZERO);
        return name;
    }

    /** Step arguments that reach the simulator with the given credentials. */
    public static String connection(LambdaSimulator sim, String credentialsId) {
        return "region: 'us-east-1', endpointUrl: '" + sim.endpoint() + "', credentialsId: '" + credentialsId + "'";
    }

    /** {@code step} set up to reach the simulator with the stored AWS Credentials entry. */
    public static <S extends AbstractLambdaStep> S connect(LambdaSimulator sim, S step) {
        step.setRegion("us-east-1");
        step.setEndpointUrl(sim.endpoint().toString());
        step.setCredentialsId(AWS_CREDENTIALS_ID);
        return step;
    }

    /** An AWS Credentials entry (aws-credentials plugin) holding the simulator's key pair. */
    public static void storeAwsCredentials(Jenkins jenkins) throws IOException {
        CredentialsProvider.lookupStores(jenkins)
                .iterator()
                .next()
                .addCredentials(
                        Domain.global(),
                        new AWSCredentialsImpl(
                                CredentialsScope.GLOBAL,
                                AWS_CREDENTIALS_ID,
                                SimulatorCredentials.ACCESS_KEY_ID,
                                SimulatorCredentials.SECRET_ACCESS_KEY,
                                "simulator"));
    }

    /** A Username with password entry: access key id and secret access key. */
    public static void storeKeyPair(Jenkins jenkins) throws Exception {
        CredentialsProvider.lookupStores(jenkins)
                .iterator()
                .next()
                .addCredentials(
                        Domain.global(),
                        new UsernamePasswordCredentialsImpl(
                                CredentialsScope.GLOBAL,
                                KEY_PAIR_ID,
                                "simulator",
                                SimulatorCredentials.ACCESS_KEY_ID,
                                SimulatorCredentials.SECRET_ACCESS_KEY));
    }

    /** A Secret text entry holding a session token, for AWS_SESSION_TOKEN through withCredentials. */
    public static void storeSessionToken(Jenkins jenkins) throws IOException {
        CredentialsProvider.lookupStores(jenkins)
                .iterator()
                .next()
                .addCredentials(
                        Domain.global(),
                        new StringCredentialsImpl(
                                CredentialsScope.GLOBAL,
                                SESSION_TOKEN_ID,
                                "session token",
                                Secret.fromString(SESSION_TOKEN)));
    }

    /** The stored entry with this id, as the build looked it up. */
    public static Credentials storedCredentials(String id) {
        return SystemCredentialsProvider.getInstance().getCredentials().stream()
                .filter(c -> c instanceof IdCredentials ic && ic.getId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** The files under {@code dir} that contain {@code text}, as credentials-binding's tests look for leaked secrets. */
    public static Set<String> grep(File dir, String text) throws IOException {
        Set<String> matches = new TreeSet<>();
        grep(dir, text, "", matches);
        return matches;
    }

    private static void grep(File dir, String text, String prefix, Set<String> matches) throws IOException {
        File[] kids = dir.listFiles();
        if (kids == null) {
            return;
        }
        for (File kid : kids) {
            String name = prefix + kid.getName();
            if (kid.isDirectory()) {
                grep(kid, text, name + "/", matches);
            } else {
                try {
                    if (new String(Files.readAllBytes(kid.toPath()), StandardCharsets.ISO_8859_1).contains(text)) {
                        matches.add(name);
                    }
                } catch (FileNotFoundException | NoSuchFileException e) {
                    // a temporary file that went away
                }
            }
        }
    }
}
