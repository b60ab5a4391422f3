package io.laxin.reward.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.reward.settlement.domain.PayoutFile;
import io.laxin.reward.settlement.domain.StatementLine;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayoutFileTest {

    private static String csv(StatementLine... lines) {
        StringBuilder out = new StringBuilder(PayoutFile.HEADER);
        PayoutFile.appendRows(out, List.of(lines));
        return out.toString();
    }

    @Test
    void shouldWriteOneRowPerLineWithItsReference() {
        assertThat(csv(new StatementLine(5, 3, "alice", 500, 2), new StatementLine(6, 3, "bob", 150, 1)))
                .isEqualTo("user_id,amount_fen,reference\nalice,500,LX-3-5\nbob,150,LX-3-6\n");
    }

    @Test
    void shouldQuoteSeparatorsAndDefuseSpreadsheetFormulas() {
        assertThat(csv(new StatementLine(1, 2, "a,\"b\"", 100, 1), new StatementLine(2, 2, "=HYPERLINK(1)", 100, 1)))
                .isEqualTo("user_id,amount_fen,reference\n\"a,\"\"b\"\"\",100,LX-2-1\n'=HYPERLINK(1),100,LX-2-2\n");
    }
}
