package io.laxin.reward.shared;

/**
 * One text cell of a CSV file finance opens in a spreadsheet (RFC 4180): quoted when it holds a comma, quote, CR or
 * LF, and a value a spreadsheet would run as a formula — starting with {@code =}, {@code +}, {@code -}, {@code @},
 * a tab or a carriage return (OWASP's CSV-injection list) — prefixed with an apostrophe.
 */
public final class CsvText {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvText() {}

    public static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && FORMULA_STARTS.indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
