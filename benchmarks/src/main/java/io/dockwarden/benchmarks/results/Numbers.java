package io.dockwarden.benchmarks.results;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers as people read them in a table: whole numbers from 100 up, three significant digits below, thousands
 * grouped, no exponent.
 */
public final class Numbers {

    private Numbers() {
    }

    public static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        if (value == Math.rint(value) || Math.abs(value) >= 100) {
            return grouped(Math.rint(value), 0);
        }
        double rounded = new BigDecimal(value).round(new MathContext(3)).doubleValue();
        double magnitude = Math.abs(rounded);
        int decimals = magnitude >= 10 ? 1 : magnitude >= 1 ? 2
                : Math.max(2, 2 - (int) Math.floor(Math.log10(magnitude)));
        return grouped(rounded, Math.min(decimals, 9));
    }

    private static String grouped(double value, int decimals) {
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(value);
    }
}
