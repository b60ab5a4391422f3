package io.laxin.reward.report.application;

import io.laxin.kernel.job.Jobs;
import io.laxin.reward.report.domain.ReportFormat;
import io.laxin.reward.report.domain.ReportPeriod;
import io.laxin.reward.report.domain.ReportRenderer;
import io.laxin.reward.report.domain.ReportTable;
import io.laxin.reward.report.domain.ReportTables;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Use case: the finance report as a file (CSV or XLSX). Each export is recorded as a job run ({@value #JOB}) with
 * the rows written, so finance can see who exported what and when.
 */
@Service
public class ExportingRewardReport {

    public static final String JOB = "report-export";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final ReadingRewardReport reading;
    private final Map<ReportFormat, ReportRenderer> renderers = new EnumMap<>(ReportFormat.class);
    private final Jobs jobs;

    public ExportingRewardReport(ReadingRewardReport reading, List<ReportRenderer> renderers, Jobs jobs) {
        this.reading = reading;
        renderers.forEach(r -> this.renderers.put(r.format(), r));
        this.jobs = jobs;
    }

    /** The file, its name and type, the job run that recorded the export and the rows it holds. */
    public record Export(byte[] body, String filename, ReportFormat format, long runId, long rows) {}

    /** The summary of an export run: the format, the rows and bytes written and the file's name. */
    public record Summary(ReportFormat format, long rows, int bytes, String file) {

        static Summary of(Export e) {
            return new Summary(e.format(), e.rows(), e.body().length, e.filename());
        }
    }

    public Export export(ReportPeriod period, ReportFormat format, String startedBy) {
        String filename = filename(period, format);
        return jobs.run(
                JOB,
                filename,
                startedBy,
                0,
                progress -> {
                    List<ReportTable> tables = ReportTables.of(reading.report(period));
                    long rows = tables.stream()
                            .mapToLong(t -> t.rows().size() + (t.totals() == null ? 0 : 1))
                            .sum();
                    progress.report(0, rows);
                    byte[] body = renderers.get(format).render(tables);
                    progress.report(rows, rows);
                    return new Export(body, filename, format, progress.runId(), rows);
                },
                Summary::of);
    }

    /** e.g. {@code rewards_2026-11-01_2026-12-01_campaign-7.xlsx}; instants that are not midnight keep their time. */
    static String filename(ReportPeriod p, ReportFormat format) {
        return "rewards_" + stamp(p.from()) + "_" + stamp(p.to()) + "_"
                + (p.campaignId() == null ? "all-campaigns" : "campaign-" + p.campaignId()) + "." + format.extension();
    }

    private static String stamp(Instant t) {
        return t.atOffset(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT)
                ? t.atOffset(ZoneOffset.UTC).toLocalDate().toString()
                : STAMP.format(t);
    }
}
