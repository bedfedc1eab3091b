package io.dockwarden.benchmarks.results;

import org.jspecify.annotations.Nullable;

/**
 * One measured figure, with the baseline measured in the same run and the ratio between them: absolute numbers on a
 * shared machine say little by themselves, the ratio says how far from the limit or the peer we are.
 *
 * @param benchmark which benchmark or drill measured it, such as {@code compliance-throughput}
 * @param metric what was measured, such as {@code events/s (compliance-service)}
 * @param value the measured value
 * @param unit its unit
 * @param baseline what it is compared with, such as {@code plain kafka-clients relay}; absent for counts
 * @param baselineValue the baseline's value in the same unit
 * @param ratio {@code value / baselineValue}
 * @param goal the goal, such as {@code ratio >= 0.5} or {@code = 0}
 * @param goalMet whether the goal was met; absent without a goal
 * @param note context: sizes, settings, why a goal was missed
 */
public record Figure(String benchmark, String metric, double value, String unit, @Nullable String baseline,
        @Nullable Double baselineValue, @Nullable Double ratio, @Nullable String goal, @Nullable Boolean goalMet,
        String note) {

    public static Figure of(String benchmark, String metric, double value, String unit) {
        return new Figure(benchmark, metric, value, unit, null, null, null, null, null, "");
    }

    /** This figure compared with a baseline: the ratio is {@code value / baselineValue}. */
    public Figure against(String baselineName, double baselineValueOfSameUnit) {
        Double computed = baselineValueOfSameUnit == 0 ? null : value / baselineValueOfSameUnit;
        return new Figure(benchmark, metric, value, unit, baselineName, baselineValueOfSameUnit, computed, goal,
                goalMet, note);
    }

    /** A goal on the ratio: met when it is at least {@code minimum}. */
    public Figure ratioAtLeast(double minimum) {
        return withGoal("ratio >= " + Numbers.format(minimum), ratio != null && ratio >= minimum);
    }

    /** A goal on the ratio: met when it is at most {@code maximum}. */
    public Figure ratioAtMost(double maximum) {
        return withGoal("ratio <= " + Numbers.format(maximum), ratio != null && ratio <= maximum);
    }

    /** A goal on the ratio: met when it is exactly {@code expected}, such as 1 for "all of them". */
    public Figure ratioEquals(double expected) {
        return withGoal("ratio = " + Numbers.format(expected), ratio != null && Math.abs(ratio - expected) < 1e-9);
    }

    /** A goal on the value itself: met when it equals {@code expected}. */
    public Figure valueEquals(double expected) {
        return withGoal("= " + Numbers.format(expected), value == expected);
    }

    /** A goal on the value itself: met when it is at least {@code minimum}. */
    public Figure valueAtLeast(double minimum) {
        return withGoal(">= " + Numbers.format(minimum), value >= minimum);
    }

    public Figure withGoal(String description, boolean met) {
        return new Figure(benchmark, metric, value, unit, baseline, baselineValue, ratio, description, met, note);
    }

    public Figure note(String text) {
        if (text.isEmpty()) {
            return this;
        }
        return new Figure(benchmark, metric, value, unit, baseline, baselineValue, ratio, goal, goalMet,
                note.isEmpty() ? text : note + "; " + text);
    }

    /** Whether a goal was set and missed. */
    public boolean missed() {
        return Boolean.FALSE.equals(goalMet);
    }
}
