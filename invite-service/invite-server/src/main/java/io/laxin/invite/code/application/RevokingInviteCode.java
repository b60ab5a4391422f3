package io.laxin.invite.code.application;

import io.laxin.invite.api.InviteErrorCode;
import io.laxin.invite.code.domain.CodeFormat;
import io.laxin.invite.code.domain.CodeStatus;
import io.laxin.invite.code.domain.InviteCode;
import io.laxin.invite.code.domain.InviteCodeEvents;
import io.laxin.invite.code.domain.InviteCodes;
import io.laxin.invite.code.domain.Revocation;
import io.laxin.kernel.error.LaxinException;
import io.laxin.kernel.idempotency.IdempotentRequests;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Use case: an operator revokes a code. In one transaction the code becomes REVOKED (only if it was not) and its
 * CODE_REVOKED event goes to the outbox; once committed, the resolve cache is overwritten with the revoked status.
 * From then on the share link lands without the code, a registration with it is refused (410 INVITE_CODE_REVOKED),
 * and the owner's next ask issues a fresh code. Revoking a revoked code answers 410 and changes nothing.
 */
@Service
public class RevokingInviteCode {

    private final InviteCodes codes;
    private final InviteCodeEvents events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final IdempotentRequests idempotency;

    public RevokingInviteCode(
            InviteCodes codes,
            InviteCodeEvents events,
            TransactionTemplate tx,
            Clock clock,
            IdempotentRequests idempotency) {
        this.codes = codes;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.idempotency = idempotency;
    }

    public record Revoked(InviteCode code, Revocation revocation) {}

    /**
     * Revokes once per Idempotency-Key: a replay answers the first answer; otherwise the key and the answer are
     * recorded in the revocation's transaction, and the resolve cache (Redis) is overwritten after it.
     */
    public <A> A handle(RevokeInviteCodeCommand c, IdempotentRequests.Answer<Revoked, A> answer) {
        Optional<A> earlier = idempotency.earlier(answer);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        String code = CodeFormat.normalise(c.code())
                .orElseThrow(() -> new LaxinException(
                        InviteErrorCode.INVITE_CODE_MALFORMED, "'" + c.code() + "' is not an invite code"));
        InviteCode found = codes.findByCode(code)
                .filter(i -> i.campaignId() == c.campaignId())
                .orElseThrow(() -> new LaxinException(
                        InviteErrorCode.INVITE_CODE_NOT_FOUND,
                        "No invite code " + code + " in campaign " + c.campaignId()));
        Revocation revocation = new Revocation(c.reason().strip(), c.operatorId(), clock.instant());
        InviteCode revoked = new InviteCode(found.campaignId(), found.userId(), found.code(), CodeStatus.REVOKED);
        try {
            return tx.execute(s -> idempotency.once(answer, () -> {
                if (!codes.revoke(code, revocation)) {
                    throw new LaxinException(
                            InviteErrorCode.INVITE_CODE_REVOKED, "Invite code " + code + " was already revoked");
                }
                events.revoked(revoked, revocation.reason(), revocation.revokedAt());
                return new Revoked(revoked, revocation);
            }));
        } finally {
            codes.refreshCached(code);
        }
    }
}
