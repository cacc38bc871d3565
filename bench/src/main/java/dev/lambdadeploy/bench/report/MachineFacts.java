package dev.lambdadeploy.bench.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Where and how the numbers were taken. */
public record MachineFacts(int cores, String java, String os, long maxHeapMb, Instant when) {

    public static MachineFacts current() {
        Runtime rt = Runtime.getRuntime();
        return new MachineFacts(
                rt.availableProcessors(),
                System.getProperty("java.vm.name") + " " + Runtime.version() + " (" + System.getProperty("java.vendor")
                        + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                rt.maxMemory() / (1024 * 1024),
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    /** The 1, 5 and 15 minute load averages, where the OS tells them: other work on the machine skews timings. */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", load);
        }
    }

    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("cores", Integer.toString(cores));
        m.put("java", java);
        m.put("os", os.toLowerCase(Locale.ROOT));
        m.put("max heap", maxHeapMb + " MB");
        m.put("run at", when.toString());
        return m;
    }
}
