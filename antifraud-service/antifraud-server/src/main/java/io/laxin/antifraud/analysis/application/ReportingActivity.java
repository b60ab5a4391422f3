package io.laxin.antifraud.analysis.application;

import io.laxin.antifraud.analysis.domain.AnalysisInputs;
import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.api.ReportedTimes;
import io.laxin.kernel.error.LaxinException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;

/** Use case: the host reports that a user did something (ordered, logged in…); zombie detection reads it. */
@Service
public class ReportingActivity {

    private final AnalysisInputs inputs;
    private final Clock clock;

    public ReportingActivity(AnalysisInputs inputs, Clock clock) {
        this.inputs = inputs;
        this.clock = clock;
    }

    /**
     * @return false when the same activity was reported before (a retry)
     * @throws LaxinException VALIDATION_FAILED when {@code occurredAt} is not a plausible time (it would age a zombie
     *                        or keep one alive for ever)
     */
    public boolean report(String userId, String kind, Instant occurredAt, Long campaignId) {
        Instant now = clock.instant();
        if (occurredAt != null && !ReportedTimes.plausible(occurredAt, now)) {
            throw new LaxinException(CommonErrorCode.VALIDATION_FAILED, ReportedTimes.why("occurredAt", occurredAt));
        }
        return inputs.recordActivity(userId, kind, occurredAt == null ? now : occurredAt, campaignId, now);
    }
}
