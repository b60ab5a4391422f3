package io.laxin.reward.settlement.domain;

import java.util.List;

/**
 * The payout file finance hands to the bank or wallet: CSV, header {@code user_id,amount_fen,reference}, one row per
 * statement line in line order, amounts in integer fen. Built from the lines alone, so it is the same on every fetch.
 */
public final class PayoutFile {

    public static final String HEADER = "user_id,amount_fen,reference\n";

    private PayoutFile() {
    }

    /** Appends the rows of {@code lines} to {@code out}. */
    public static void appendRows(StringBuilder out, List<StatementLine> lines) {
        for (StatementLine l : lines) {
            out.append(field(l.userId())).append(',').append(l.amountFen()).append(',')
                    .append(l.payoutReference()).append('\n');
        }
    }

    /**
     * A CSV field: quoted when it holds a separator or quote, and a leading formula character is neutralised so a
     * user id cannot run as a spreadsheet formula.
     */
    static String field(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
