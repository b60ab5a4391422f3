package io.laxin.reward.settlement.domain;

import io.laxin.reward.shared.CsvText;
import java.util.List;

/**
 * The payout file finance hands to the bank or wallet: CSV, header {@code user_id,amount_fen,reference}, one row per
 * statement line in line order, amounts in integer fen. Built from the lines alone, so it is the same on every fetch.
 */
public final class PayoutFile {

    public static final String HEADER = "user_id,amount_fen,reference\n";

    private PayoutFile() {}

    /** Appends the rows of {@code lines} to {@code out}. */
    public static void appendRows(StringBuilder out, List<StatementLine> lines) {
        for (StatementLine l : lines) {
            out.append(field(l.userId()))
                    .append(',')
                    .append(l.amountFen())
                    .append(',')
                    .append(l.payoutReference())
                    .append('\n');
        }
    }

    /** A CSV field, so a user id cannot run as a spreadsheet formula. */
    static String field(String value) {
        return CsvText.cell(value);
    }
}
