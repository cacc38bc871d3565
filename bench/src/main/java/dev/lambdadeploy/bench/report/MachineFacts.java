package dev.lambdadeploy.bench.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Where and how the numbers were taken. */
public record MachineFacts(int cores, String java, String os, long maxHeapMb, Instant when) {

    public static MachineFacts current() {
        Runtime rt = Runtime.getRuntime();
        return new MachineFacts(rt.availableProcessors(),
                System.getProperty("java.vm.name") + " " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                rt.maxMemory() / (1024 * 1024), Instant.now().truncatedTo(ChronoUnit.SECONDS));
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
