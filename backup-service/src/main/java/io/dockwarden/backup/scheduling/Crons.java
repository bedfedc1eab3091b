package io.dockwarden.backup.scheduling;

import org.springframework.scheduling.support.CronExpression;

/** Cron expressions as people write them: 5 fields (minute first, as crontab and offen) or 6 (seconds first). */
final class Crons {

    private Crons() {
    }

    /**
     * Parses an expression.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    static CronExpression parse(String expression) {
        String trimmed = expression.strip();
        String six = !trimmed.startsWith("@") && trimmed.split("\\s+").length == 5 ? "0 " + trimmed : trimmed;
        try {
            return CronExpression.parse(six);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cron expression '" + expression + "' is invalid: " + e.getMessage(),
                    e);
        }
    }
}
