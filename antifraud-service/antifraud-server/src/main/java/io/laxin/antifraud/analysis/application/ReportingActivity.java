package io.laxin.antifraud.analysis.application;

import io.laxin.antifraud.analysis.domain.AnalysisInputs;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;

/** Use case: the host reports that a user did something (ordered, logged in…); zombie detection reads it. */
@Service
public class ReportingActivity {

    private final AnalysisInputs inputs;
    private final Clock clock;

    public ReportingActivity(AnalysisInputs inputs, Clock clock) {
        this.inputs = inputs;
        this.clock = clock;
    }

    /** @return false when the same activity was reported before (a retry) */
    public boolean report(String userId, String kind, Instant occurredAt, Long campaignId) {
        Instant now = clock.instant();
        return inputs.recordActivity(userId, kind, occurredAt == null ? now : occurredAt, campaignId, now);
    }
}
