package io.laxin.reward.report.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.reward.report.domain.ReportTable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReportRendererTest {

    @Test
    void shouldQuoteSeparatorsAndQuotesAndDisarmFormulas() {
        assertThat(CsvReportRenderer.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvReportRenderer.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvReportRenderer.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CsvReportRenderer.cell("@user")).isEqualTo("'@user");
        // a tab or carriage return first is a formula to some spreadsheets too (OWASP CSV injection)
        assertThat(CsvReportRenderer.cell("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(CsvReportRenderer.cell("\r=1+1")).isEqualTo("\"'\r=1+1\"");
        assertThat(CsvReportRenderer.cell(-100L)).as("numbers stay numbers").isEqualTo("-100");
        assertThat(CsvReportRenderer.cell(ReportTable.yuan(-5))).isEqualTo("-0.05");
        assertThat(CsvReportRenderer.cell(null)).isEmpty();
    }

    @Test
    void shouldWriteEachTableWithTitleHeadersRowsAndTotals() {
        ReportTable t = new ReportTable(
                        "Top",
                        List.of("Referrer", "Cash (fen)", "Cash (yuan)"),
                        List.of(
                                ReportTable.row("王芳", 150L, ReportTable.yuan(150)),
                                ReportTable.row("bob", 5L, ReportTable.yuan(5))),
                        null)
                .withTotals("Total");

        String csv = new String(new CsvReportRenderer().render(List.of(t)), StandardCharsets.UTF_8);

        assertThat(csv)
                .isEqualTo("\uFEFFTop\r\nReferrer,Cash (fen),Cash (yuan)\r\n王芳,150,1.50\r\nbob,5,0.05\r\n"
                        + "Total,155,1.55\r\n\r\n");
    }
}
