package io.laxin.invite.code.application;

import io.laxin.invite.api.InviteErrorCode;
import io.laxin.invite.api.event.ReferralEventTags;
import io.laxin.invite.code.domain.InviteCode;
import io.laxin.invite.code.domain.InviteCodeEvents;
import io.laxin.invite.code.domain.InviteCodes;
import io.laxin.invite.code.domain.VanityRequest;
import io.laxin.invite.code.domain.VanityRequests;
import io.laxin.kernel.error.LaxinException;
import io.laxin.kernel.idempotency.IdempotentRequests;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
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
    private final IdempotentRequests idempotency;

    public DecidingVanityCode(
            VanityRequests requests,
            InviteCodes codes,
            InviteCodeEvents events,
            TransactionTemplate tx,
            Clock clock,
            IdempotentRequests idempotency) {
        this.requests = requests;
        this.codes = codes;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.idempotency = idempotency;
    }

    /**
     * Approves once per Idempotency-Key: a replay answers the first answer; otherwise the key and the answer are
     * recorded in the approval's transaction, and the resolve cache (Redis) is refreshed after it commits.
     */
    public <A> A approve(
            long campaignId,
            long requestId,
            String operatorId,
            String note,
            IdempotentRequests.Answer<VanityRequest, A> answer) {
        Optional<A> earlier = idempotency.earlier(answer);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        VanityRequest r = require(campaignId, requestId);
        Instant now = clock.instant();
        InviteCode vanity = InviteCode.issued(r.campaignId(), r.userId(), r.code());
        InviteCodes.Replacement[] replaced = {null};
        A first = tx.execute(s -> idempotency.once(answer, () -> {
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
            replaced[0] = done;
            return require(campaignId, requestId);
        }));
        codes.refreshCached(vanity.code());
        if (replaced[0] != null && replaced[0].retired() != null) {
            codes.refreshCached(replaced[0].retired());
        }
        return first;
    }

    /** Rejects once per Idempotency-Key: the key and the answer are recorded in the rejection's transaction. */
    public <A> A reject(
            long campaignId,
            long requestId,
            String operatorId,
            String note,
            IdempotentRequests.Answer<VanityRequest, A> answer) {
        return tx.execute(s -> idempotency.once(answer, () -> {
            VanityRequest r = require(campaignId, requestId);
            decide(r, VanityRequest.Status.REJECTED, operatorId, clock.instant(), note);
            return require(campaignId, requestId);
        }));
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
