package io.laxin.reward.report.infra;

import io.laxin.reward.report.domain.ReportFormat;
import io.laxin.reward.report.domain.ReportRenderer;
import io.laxin.reward.report.domain.ReportTable;
import io.laxin.reward.shared.CsvText;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The report as RFC 4180 CSV in UTF-8 with a byte-order mark (so Excel shows Chinese reasons and names right): per
 * table a title line, a header line, its rows, its totals row, then an empty line. Text that a spreadsheet would
 * take for a formula (=, +, -, @, tab, CR) is prefixed with an apostrophe ({@link CsvText}).
 */
@Component
class CsvReportRenderer implements ReportRenderer {

    @Override
    public ReportFormat format() {
        return ReportFormat.CSV;
    }

    @Override
    public byte[] render(List<ReportTable> tables) {
        StringBuilder out = new StringBuilder("\uFEFF");
        for (ReportTable t : tables) {
            line(out, List.of(t.title()));
            line(out, List.copyOf(t.headers()));
            t.rows().forEach(r -> line(out, r));
            if (t.totals() != null) {
                line(out, t.totals());
            }
            out.append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<?> cells) {
        out.append(cells.stream().map(CsvReportRenderer::cell).collect(Collectors.joining(",")))
                .append("\r\n");
    }

    static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Number n) {
            return n.toString();
        }
        return CsvText.cell(v.toString());
    }
}
