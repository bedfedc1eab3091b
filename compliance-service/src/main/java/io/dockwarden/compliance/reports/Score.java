package io.dockwarden.compliance.reports;

/**
 * Passed scored checks over scored checks that applied; waived failures do not count as passed.
 *
 * @param passed scored checks that passed
 * @param scored scored checks that applied (passed, failed or waived)
 * @param percent passed over scored in percent, rounded to one decimal; 100 when nothing was scored
 */
public record Score(int passed, int scored, double percent) {

    public static final Score NONE = new Score(0, 0, 100.0);

    public static Score of(int passed, int scored) {
        double percent = scored == 0 ? 100.0 : Math.round(passed * 1000.0 / scored) / 10.0;
        return new Score(passed, scored, percent);
    }

    public Score plus(Score other) {
        return of(passed + other.passed, scored + other.scored);
    }
}
