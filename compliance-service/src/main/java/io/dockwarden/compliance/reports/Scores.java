package io.dockwarden.compliance.reports;

/**
 * A score over all scored checks and over each CIS level separately.
 *
 * @param overall every scored check
 * @param level1 level 1 checks
 * @param level2 level 2 checks
 */
public record Scores(Score overall, Score level1, Score level2) {

    public static final Scores NONE = new Scores(Score.NONE, Score.NONE, Score.NONE);

    public Scores plus(Scores other) {
        return new Scores(overall.plus(other.overall), level1.plus(other.level1), level2.plus(other.level2));
    }
}
