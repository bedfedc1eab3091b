package io.dockwarden.benchmarks.results;

import java.util.List;

/** Figures as one Markdown table, in the order they were measured. */
public final class MarkdownTable {

    private MarkdownTable() {
    }

    public static String of(List<Figure> figures) {
        StringBuilder table = new StringBuilder();
        table.append("| benchmark | figure | value | baseline | baseline value | ratio | goal | met | note |\n");
        table.append("|---|---|---:|---|---:|---:|---|---|---|\n");
        for (Figure figure : figures) {
            table.append("| ").append(cell(figure.benchmark()))
                    .append(" | ").append(cell(figure.metric()))
                    .append(" | ").append(Numbers.format(figure.value())).append(' ').append(cell(figure.unit()))
                    .append(" | ").append(figure.baseline() == null ? "" : cell(figure.baseline()))
                    .append(" | ").append(figure.baselineValue() == null ? ""
                            : Numbers.format(figure.baselineValue()) + " " + cell(figure.unit()))
                    .append(" | ").append(figure.ratio() == null ? "" : Numbers.format(figure.ratio()))
                    .append(" | ").append(figure.goal() == null ? "" : cell(figure.goal()))
                    .append(" | ").append(figure.goalMet() == null ? "" : figure.goalMet() ? "yes" : "**no**")
                    .append(" | ").append(cell(figure.note()))
                    .append(" |\n");
        }
        return table.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
