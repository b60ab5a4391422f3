package io.laxin.invite.code.application;

import io.laxin.invite.api.InviteErrorCode;
import io.laxin.invite.api.event.ReferralEventTags;
import io.laxin.invite.code.domain.InviteCode;
import io.laxin.invite.code.domain.InviteCodeEvents;
import io.laxin.invite.code.domain.InviteCodes;
import io.laxin.invite.code.domain.VanityRequest;
import io.laxin.invite.code.domain.VanityRequests;
import io.laxin.kernel.error.LaxinException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Use case: an operator approves or rejects a PENDING vanity code request. Approval, in one transaction: the request
 * becomes APPROVED, the vanity code becomes the user's ACTIVE code, the code they had is RETIRED — it keeps resolving
 * to them, so posters and links already shared keep working — and CODE_REPLACED goes to the outbox; the resolve
 * cache is refreshed for both codes once committed. A request decided before answers 409 VANITY_REQUEST_DECIDED.
 */
@Service
public class DecidingVanityCode {

    private final VanityRequests requests;
    private final InviteCodes codes;
    private final InviteCodeEvents events;
    private final TransactionTemplate tx;
    private final Clock clock;

    public DecidingVanityCode(
            VanityRequests requests, InviteCodes codes, InviteCodeEvents events, TransactionTemplate tx, Clock clock) {
        this.requests = requests;
        this.codes = codes;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    public VanityRequest approve(long campaignId, long requestId, String operatorId, String note) {
        VanityRequest r = require(campaignId, requestId);
        Instant now = clock.instant();
        InviteCode vanity = InviteCode.issued(r.campaignId(), r.userId(), r.code());
        InviteCodes.Replacement replaced = tx.execute(s -> {
            decide(r, VanityRequest.Status.APPROVED, operatorId, now, note);
            InviteCodes.Replacement done = codes.replaceActive(vanity)
                    .orElseThrow(() -> new LaxinException(
                            InviteErrorCode.VANITY_CODE_TAKEN,
                            r.code() + " became a code meanwhile; reject the request"));
            events.changed(
                    ReferralEventTags.CODE_REPLACED,
                    vanity,
                    done.retired() == null
                            ? "vanity code approved"
                            : "vanity code approved; replaces " + done.retired() + " (which still works)",
                    now);
            return done;
        });
        codes.refreshCached(vanity.code());
        if (replaced != null && replaced.retired() != null) {
            codes.refreshCached(replaced.retired());
        }
        return require(campaignId, requestId);
    }

    public VanityRequest reject(long campaignId, long requestId, String operatorId, String note) {
        VanityRequest r = require(campaignId, requestId);
        decide(r, VanityRequest.Status.REJECTED, operatorId, clock.instant(), note);
        return require(campaignId, requestId);
    }

    private void decide(VanityRequest r, VanityRequest.Status status, String operatorId, Instant at, String note) {
        if (!requests.decide(r.id(), status, operatorId, at, note)) {
            throw new LaxinException(
                    InviteErrorCode.VANITY_REQUEST_DECIDED, "Vanity code request " + r.id() + " was already decided");
        }
    }

    private VanityRequest require(long campaignId, long requestId) {
        return requests.find(requestId)
                .filter(r -> r.campaignId() == campaignId)
                .orElseThrow(() -> new LaxinException(
                        InviteErrorCode.VANITY_REQUEST_NOT_FOUND,
                        "No vanity code request " + requestId + " in campaign " + campaignId));
    }
}
