package dev.lambdadeploy.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/** The controls, acting on the same registry, faults and quotas as the HTTP side. */
final class DefaultSimulatorControl implements SimulatorControl {
    private final FunctionRegistry registry;
    private final AlarmRegistry alarms;
    private final FaultInjector faults;
    private final Quotas quotas;
    private final InstantSource clock;

    DefaultSimulatorControl(
            FunctionRegistry registry, AlarmRegistry alarms, FaultInjector faults, Quotas quotas, InstantSource clock) {
        this.registry = registry;
        this.alarms = alarms;
        this.faults = faults;
        this.quotas = quotas;
        this.clock = clock;
    }

    @Override
    public void createFunction(String name, Duration pendingFor) {
        FunctionSpec spec = new FunctionSpec(
                CodeArtifact.zip(CodeArtifact.EMPTY_ZIP),
                "java17",
                "arn:aws:iam::" + registry.accountId() + ":role/simulator-function-role",
                "example.Handler::handleRequest",
                "",
                3,
                128,
                null,
                List.of("x86_64"),
                List.of(),
                FunctionSpec.DEFAULT_EPHEMERAL_STORAGE);
        try {
            registry.create(name, Map.of(), spec, pendingFor, clock.instant());
        } catch (ApiException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public void updateDuration(String function, Duration d) {
        registry.arranged(function).updateDuration(Objects.requireNonNull(d));
    }

    @Override
    public void configurationUpdateDuration(String function, Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("negative duration: " + d);
        }
        registry.arranged(function).configurationUpdateDuration(d);
    }

    @Override
    public void failNextUpdate(String function, String reasonCode, String reason) {
        registry.arranged(function).armFailure(new Failure(reasonCode, reason));
    }

    @Override
    public void scriptStates(String function, List<StateSnapshot> snapshots) {
        registry.arranged(function).scriptAnswers(snapshots);
    }

    @Override
    public void setState(String function, String state) {
        existing(function).setState(state, clock.instant());
    }

    @Override
    public void inject(String operation, Fault fault) {
        faults.inject(operation, fault);
    }

    @Override
    public void quotas(boolean enabled) {
        quotas.enabled(enabled);
    }

    @Override
    public void updateCodeByAnotherActor(String function, byte[] zip) {
        existing(function).updateCodeByAnotherActor(CodeArtifact.zip(zip), clock.instant());
    }

    @Override
    public void createAlarm(String name) {
        alarms.create(Objects.requireNonNull(name), clock.instant());
    }

    @Override
    public void alarmStateAt(String name, Instant at, String state, String reason) {
        alarms.stateAt(Objects.requireNonNull(name), at, state, Objects.requireNonNull(reason), clock.instant());
    }

    @Override
    public void alarmStateAt(String name, Duration offset, String state, String reason) {
        Instant now = clock.instant();
        alarms.stateAt(Objects.requireNonNull(name), now.plus(offset), state, Objects.requireNonNull(reason), now);
    }

    @Override
    public AlarmView alarm(String name) {
        AlarmView view = alarms.view(name, clock.instant());
        if (view == null) {
            throw new NoSuchElementException("no alarm " + name);
        }
        return view;
    }

    @Override
    public FunctionView inspect(String function) {
        return existing(function).view(clock.instant());
    }

    @Override
    public List<AliasView> aliases(String function) {
        return existing(function).aliases(clock.instant()).stream()
                .map(AliasModel::view)
                .toList();
    }

    @Override
    public List<AliasChange> aliasHistory(String function) {
        return existing(function).aliasHistory();
    }

    private FunctionModel existing(String function) {
        FunctionModel f = registry.find(function);
        if (f == null) {
            throw new NoSuchElementException("no function " + function);
        }
        return f;
    }
}
