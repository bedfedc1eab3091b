package io.dockwarden.benchmarks.results;

import java.util.Arrays;
import java.util.Collection;

/**
 * Order statistics of a sample by the nearest-rank method: p99 of 60 samples is the 60th, not an interpolation
 * between samples that were never observed.
 *
 * @param count samples
 * @param min the smallest
 * @param p50 the median
 * @param p95 95th percentile
 * @param p99 99th percentile
 * @param max the largest
 */
public record Percentiles(int count, double min, double p50, double p95, double p99, double max) {

    public static Percentiles of(Collection<? extends Number> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        double[] sorted = samples.stream().mapToDouble(Number::doubleValue).toArray();
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, sorted[0], rank(sorted, 50), rank(sorted, 95), rank(sorted, 99),
                sorted[sorted.length - 1]);
    }

    private static double rank(double[] sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
