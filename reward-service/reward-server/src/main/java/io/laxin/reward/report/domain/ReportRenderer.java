package io.laxin.reward.report.domain;

import java.util.List;

/** Port: writes report tables in one format. One adapter per {@link ReportFormat}. */
public interface ReportRenderer {

    ReportFormat format();

    byte[] render(List<ReportTable> tables);
}
