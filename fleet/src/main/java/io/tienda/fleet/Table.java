package io.tienda.fleet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A plain-text table with left-aligned columns, as printed by {@code up} and {@code status}. */
final class Table {

    private final List<String> headers;

    private final List<List<String>> rows = new ArrayList<>();

    Table(String... headers) {
        this.headers = List.of(headers);
    }

    Table row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("Expected " + headers.size() + " cells, got " + cells.length);
        }
        rows.add(List.of(cells));
        return this;
    }

    String render() {
        int[] widths = new int[headers.size()];
        for (List<String> line : lines()) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], line.get(column).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> line : lines()) {
            StringBuilder text = new StringBuilder();
            for (int column = 0; column < widths.length; column++) {
                String cell = line.get(column);
                text.append(cell);
                if (column < widths.length - 1) {
                    text.append(" ".repeat(widths[column] - cell.length() + 2));
                }
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private List<List<String>> lines() {
        List<List<String>> lines = new ArrayList<>();
        lines.add(headers);
        lines.addAll(rows);
        return lines;
    }

    /** "312 MB", "1.4 GB": memory the way people read it. */
    static String megabytes(long kilobytes) {
        if (kilobytes < 0) {
            return "-";
        }
        if (kilobytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f GB", kilobytes / (1024.0 * 1024.0));
        }
        return (kilobytes / 1024) + " MB";
    }

    /** "48 s", "2 min 05 s". */
    static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 60 ? seconds + " s" : String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }

}
