package io.laxin.invite.referral.domain;

import io.laxin.invite.identity.domain.IdentifierKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Port: the synchronous risk screening of a registration. Implementations answer REVIEW when screening fails. */
public interface RiskScreening {

    Result screen(Request request);

    enum Verdict {
        PASS,
        REVIEW,
        REJECT
    }

    /**
     * What is known of both sides.
     *
     * @param invitee            the invitee's identifiers as reported with the registration (phones as keyed hashes)
     * @param referrer           the referrer's identifiers from the identity map
     * @param inviteePhonePrefix the first three digits of the invitee's phone (virtual-carrier ranges), or null
     * @param touchedAt          when the invitee's device opened the share link, or null
     * @param emulator           the host app's emulator check of the invitee's device, or null
     * @param rooted             the host app's root / jailbreak check of the invitee's device, or null
     * @param contestedByUserId  the owner of the code the host reported when the invitee was bound to another
     *                           referrer's touch (ADR 0005: screening holds it for review), else null
     */
    record Request(
            long campaignId,
            String referrerUserId,
            String inviteeUserId,
            Map<IdentifierKind, String> invitee,
            Map<IdentifierKind, String> referrer,
            String inviteePhonePrefix,
            String ip,
            String userAgent,
            Instant touchedAt,
            Instant registeredAt,
            Boolean emulator,
            Boolean rooted,
            String contestedByUserId) {}

    /** @param screeningId the stored decision's id, null when screening was unavailable */
    record Result(Verdict verdict, String screeningId, List<String> reasons) {

        /** Whether antifraud-service answered (a stored decision); false for the REVIEW given when it did not. */
        public boolean screened() {
            return screeningId != null;
        }
    }
}
