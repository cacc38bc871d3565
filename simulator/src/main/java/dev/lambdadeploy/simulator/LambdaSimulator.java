package dev.lambdadeploy.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An AWS Lambda control plane on 127.0.0.1 that the unmodified AWS SDK and CLI talk to through an
 * endpoint override. It models one account in one region, shares no code with the engine, and moves
 * function states only as its clock moves.
 */
public final class LambdaSimulator implements AutoCloseable {
    private static final int WORKER_THREADS = 200;

    static {
        // The JDK server writes headers and body as two packets; with Nagle on, the client's delayed ACK
        // holds every answer about 40 ms. Read once per JVM, when the first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final String region;
    private final String accountId;
    private final SimulatorControl control;
    private final InMemoryJournal journal;

    private LambdaSimulator(
            HttpServer server,
            ThreadPoolExecutor executor,
            String region,
            String accountId,
            SimulatorControl control,
            InMemoryJournal journal) {
        this.server = server;
        this.executor = executor;
        this.region = region;
        this.accountId = accountId;
        this.control = control;
        this.journal = journal;
    }

    public static Builder builder() {
        return new Builder();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String region() {
        return region;
    }

    public String accountId() {
        return accountId;
    }

    public SimulatorControl control() {
        return control;
    }

    public Journal journal() {
        return journal;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /**
     * {@code --port N} (default 4566), {@code --no-quotas}, {@code --update-duration 2s}, {@code --create-duration 2s},
     * and scenario arguments ({@code --function}, {@code --fault}, {@code --states}, {@code --fail-update}, {@code
     * --alarm}; see {@link ScenarioArgs}).
     */
    public static void main(String[] args) throws InterruptedException {
        Builder b = builder().port(4566);
        List<String> functions = new ArrayList<>();
        List<Consumer<SimulatorControl>> scenario = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> b.port(Integer.parseInt(value(args, ++i)));
                    case "--no-quotas" -> b.quotas(false);
                    case "--update-duration" -> b.defaultUpdateDuration(DurationArg.parse(value(args, ++i)));
                    case "--create-duration" -> b.defaultCreateDuration(DurationArg.parse(value(args, ++i)));
                    case "--region" -> b.region(value(args, ++i));
                    case "--account-id" -> b.accountId(value(args, ++i));
                    case "--function" -> functions.add(value(args, ++i));
                    case "--fault" -> scenario.add(ScenarioArgs.fault(value(args, ++i))::applyTo);
                    case "--states" -> scenario.add(ScenarioArgs.states(value(args, ++i))::applyTo);
                    case "--fail-update" -> scenario.add(ScenarioArgs.failedUpdate(value(args, ++i))::applyTo);
                    case "--alarm" -> scenario.add(ScenarioArgs.alarm(value(args, ++i))::applyTo);
                    default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: LambdaSimulator [--port N] [--no-quotas] [--update-duration 2s] "
                    + "[--create-duration 2s] [--region R] [--account-id A] [--function NAME]... [--fault "
                    + ScenarioArgs.FAULT_FORM
                    + "]... [--states " + ScenarioArgs.STATES_FORM + "]... [--fail-update "
                    + ScenarioArgs.FAILED_UPDATE_FORM + "]... [--alarm " + ScenarioArgs.ALARM_FORM + "]...");
            System.exit(2);
            return;
        }
        LambdaSimulator sim = b.start();
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close, "lambda-simulator-shutdown"));
        for (String function : functions) {
            sim.control().createFunction(function, b.createDuration);
        }
        scenario.forEach(s -> s.accept(sim.control()));
        System.out.println("Lambda simulator listening on " + sim.endpoint());
        System.out.println("  region " + sim.region() + ", account " + sim.accountId());
        System.out.println("  AWS_ACCESS_KEY_ID=" + SimulatorCredentials.ACCESS_KEY_ID);
        System.out.println("  AWS_SECRET_ACCESS_KEY=" + SimulatorCredentials.SECRET_ACCESS_KEY);
        System.out.println("  e.g. aws lambda get-function --function-name NAME --endpoint-url " + sim.endpoint());
        System.out.println("  CloudWatch DescribeAlarms on the same endpoint (Smithy RPC v2 CBOR or AWS JSON 1.0)");
        System.out.println("  STS GetSessionToken and AssumeRole on the same endpoint (temporary keys on its clock)");
        new CountDownLatch(1).await();
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    public static final class Builder {
        private int port;
        private InstantSource clock = InstantSource.system();
        private boolean quotas = true;
        private final Map<String, String> credentials = new LinkedHashMap<>();
        private Duration updateDuration = Duration.ofSeconds(1);
        private Duration createDuration = Duration.ofSeconds(1);
        private String region = "us-east-1";
        private String accountId = "123456789012";

        private Builder() {}

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder clock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Builder quotas(boolean enabled) {
            this.quotas = enabled;
            return this;
        }

        /** Adds an accepted key pair; without any, only {@link SimulatorCredentials}' pair is accepted. */
        public Builder credentials(String accessKeyId, String secretAccessKey) {
            credentials.put(Objects.requireNonNull(accessKeyId), Objects.requireNonNull(secretAccessKey));
            return this;
        }

        public Builder defaultUpdateDuration(Duration d) {
            this.updateDuration = requireNotNegative(d);
            return this;
        }

        public Builder defaultCreateDuration(Duration d) {
            this.createDuration = requireNotNegative(d);
            return this;
        }

        public Builder region(String r) {
            this.region = Objects.requireNonNull(r);
            return this;
        }

        public Builder accountId(String a) {
            this.accountId = Objects.requireNonNull(a);
            return this;
        }

        public LambdaSimulator start() {
            Map<String, String> keys = credentials.isEmpty()
                    ? Map.of(SimulatorCredentials.ACCESS_KEY_ID, SimulatorCredentials.SECRET_ACCESS_KEY)
                    : credentials;
            FunctionRegistry registry = new FunctionRegistry(region, accountId, updateDuration);
            FaultInjector faults = new FaultInjector();
            AlarmRegistry alarms = new AlarmRegistry(region, accountId);
            Quotas quotaState = new Quotas(quotas);
            InMemoryJournal journal = new InMemoryJournal();
            SimulatorKeys accepted = new SimulatorKeys(keys);
            SimulatorHttpHandler handler = new SimulatorHttpHandler(
                    clock,
                    new SigV4Verifier(accepted, region),
                    faults,
                    quotaState,
                    new LambdaService(registry, createDuration),
                    journal,
                    region,
                    accountId,
                    new SigV4Verifier(accepted, region, CloudWatchProtocol.SIGNING_NAME),
                    new CloudWatchService(alarms),
                    new SigV4Verifier(accepted, region, StsService.SIGNING_NAME),
                    new StsService(accepted));
            ThreadPoolExecutor executor = newExecutor();
            HttpServer server;
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
            } catch (IOException e) {
                executor.shutdownNow();
                throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
            }
            server.createContext("/", handler);
            server.setExecutor(executor);
            server.start();
            return new LambdaSimulator(
                    server,
                    executor,
                    region,
                    accountId,
                    new DefaultSimulatorControl(registry, alarms, faults, quotaState, clock),
                    journal);
        }

        private static ThreadPoolExecutor newExecutor() {
            AtomicInteger n = new AtomicInteger();
            ThreadPoolExecutor executor = new ThreadPoolExecutor(
                    WORKER_THREADS, WORKER_THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                        Thread t = new Thread(r, "lambda-simulator-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
            executor.allowCoreThreadTimeOut(true);
            return executor;
        }

        private static Duration requireNotNegative(Duration d) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("negative duration: " + d);
            }
            return d;
        }
    }
}
