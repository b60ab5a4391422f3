package io.laxin.invite.referral.domain;

import java.time.Instant;
import java.util.List;

/** Port: the synchronous risk screening of a registration. Implementations answer REVIEW when screening fails. */
public interface RiskScreening {

    Result screen(Request request);

    enum Verdict { PASS, REVIEW, REJECT }

    record Request(long campaignId, String referrerUserId, String inviteeUserId, String inviteeDeviceId, String ip,
                   String userAgent, Instant registeredAt) {
    }

    /** @param screeningId the stored decision's id, null when screening was unavailable */
    record Result(Verdict verdict, String screeningId, List<String> reasons) {
    }
}
