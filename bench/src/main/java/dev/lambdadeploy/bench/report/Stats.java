package dev.lambdadeploy.bench.report;

import java.util.List;
import java.util.OptionalDouble;

/** Order statistics of small samples. */
public final class Stats {

    private Stats() {}

    public static OptionalDouble median(List<Double> values) {
        if (values.isEmpty()) {
            return OptionalDouble.empty();
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = v.length / 2;
        return OptionalDouble.of(v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2);
    }

    /** The nearest-rank percentile: the smallest value at or above {@code p} percent of the sample. */
    public static OptionalDouble percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return OptionalDouble.empty();
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int rank = (int) Math.ceil(p / 100 * v.length);
        return OptionalDouble.of(v[Math.max(0, Math.min(v.length - 1, rank - 1))]);
    }

    public static double mean(List<? extends Number> values) {
        return values.stream().mapToDouble(Number::doubleValue).average().orElse(Double.NaN);
    }
}
