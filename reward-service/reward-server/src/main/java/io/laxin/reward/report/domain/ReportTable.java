package io.laxin.reward.report.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One table of an exported report, format-neutral: cells are {@link String} (text), {@link Long} (a count, points,
 * fen), {@link BigDecimal} (yuan, 2 decimals, derived from fen) or null (blank). The totals row, when there is one,
 * holds the exact sums of its numeric columns, so the writers put numbers there, never formulas.
 */
public record ReportTable(String title, List<String> headers, List<List<Object>> rows, List<Object> totals) {

    public ReportTable {
        headers = List.copyOf(headers);
        rows = rows.stream()
                .map(r -> Collections.unmodifiableList(new ArrayList<>(r)))
                .toList();
        totals = totals == null ? null : Collections.unmodifiableList(new ArrayList<>(totals));
    }

    /** Yuan with two decimals, exactly {@code fen / 100}: derived from the integer, never from a float. */
    public static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }

    public static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    /** This table with a totals row: {@code label} in the first column, the sum of every numeric column. */
    public ReportTable withTotals(String label) {
        List<Object> sums = new ArrayList<>();
        sums.add(label);
        for (int c = 1; c < headers.size(); c++) {
            sums.add(sum(c));
        }
        return new ReportTable(title, headers, rows, sums);
    }

    private Object sum(int column) {
        Object result = null;
        for (List<Object> r : rows) {
            Object v = r.get(column);
            if (v instanceof Long l) {
                result = (result instanceof Long acc ? acc : 0L) + l;
            } else if (v instanceof BigDecimal d) {
                result = (result instanceof BigDecimal acc ? acc : BigDecimal.ZERO.setScale(2)).add(d);
            }
        }
        return result;
    }
}
