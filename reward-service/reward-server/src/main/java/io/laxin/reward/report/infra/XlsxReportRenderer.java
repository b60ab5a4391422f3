package io.laxin.reward.report.infra;

import io.laxin.reward.report.domain.ReportFormat;
import io.laxin.reward.report.domain.ReportRenderer;
import io.laxin.reward.report.domain.ReportTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The report as an XLSX workbook, one sheet per table (the report is a few dozen rows, so an in-memory
 * {@link XSSFWorkbook} is right). Counts, points and fen are numeric cells; yuan are numeric cells shown with two
 * decimals; totals rows hold their sums as numbers, computed exactly from the integers, not as formulas.
 */
@Component
class XlsxReportRenderer implements ReportRenderer {

    @Override
    public ReportFormat format() {
        return ReportFormat.XLSX;
    }

    @Override
    public byte[] render(List<ReportTable> tables) {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(book);
            for (ReportTable t : tables) {
                Sheet sheet = book.createSheet(t.title());
                int r = 0;
                write(sheet.createRow(r++), List.copyOf(t.headers()), styles.bold, styles.bold);
                for (List<Object> row : t.rows()) {
                    write(sheet.createRow(r++), row, null, styles.yuan);
                }
                if (t.totals() != null) {
                    write(sheet.createRow(r), t.totals(), styles.bold, styles.boldYuan);
                }
                for (int c = 0; c < t.headers().size(); c++) {
                    sheet.setColumnWidth(c, (c == 0 ? 30 : 18) * 256);
                }
                sheet.createFreezePane(0, 1);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, List<?> cells, CellStyle style, CellStyle yuanStyle) {
        for (int c = 0; c < cells.size(); c++) {
            Object v = cells.get(c);
            if (v == null) {
                continue;
            }
            Cell cell = row.createCell(c);
            if (v instanceof BigDecimal d) {
                cell.setCellValue(d.doubleValue());
                cell.setCellStyle(yuanStyle);
                continue;
            }
            if (v instanceof Number n) {
                cell.setCellValue(n.longValue());
            } else {
                cell.setCellValue(v.toString());
            }
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }

    /** The few cell styles, made once per workbook (a workbook holds at most 64 000). */
    private static final class Styles {
        final CellStyle bold;
        final CellStyle yuan;
        final CellStyle boldYuan;

        Styles(XSSFWorkbook book) {
            Font font = book.createFont();
            font.setBold(true);
            short twoDecimals = book.createDataFormat().getFormat("#,##0.00");
            bold = book.createCellStyle();
            bold.setFont(font);
            yuan = book.createCellStyle();
            yuan.setDataFormat(twoDecimals);
            boldYuan = book.createCellStyle();
            boldYuan.setFont(font);
            boldYuan.setDataFormat(twoDecimals);
        }
    }
}
