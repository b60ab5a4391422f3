package io.laxin.invite.code.application;

import io.laxin.invite.api.InviteErrorCode;
import io.laxin.invite.campaign.application.CheckingReferrer;
import io.laxin.invite.campaign.application.FindingCampaign;
import io.laxin.invite.campaign.domain.Campaign;
import io.laxin.invite.code.domain.InviteCodes;
import io.laxin.invite.code.domain.VanityCode;
import io.laxin.invite.code.domain.VanityRequest;
import io.laxin.invite.code.domain.VanityRequests;
import io.laxin.kernel.error.LaxinException;
import io.laxin.kernel.idempotency.IdempotentRequests;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: ask for a vanity code. It is checked (4–16 letters and digits, not reserved, not an existing code, not
 * pending for someone else) and stored PENDING for an operator; one pending request per user and campaign. The user
 * keeps their code until it is approved.
 */
@Service
public class RequestingVanityCode {

    private final FindingCampaign campaigns;
    private final CheckingReferrer referrers;
    private final InviteCodes codes;
    private final VanityRequests requests;
    private final Clock clock;
    private final IdempotentRequests idempotency;

    public RequestingVanityCode(
            FindingCampaign campaigns,
            CheckingReferrer referrers,
            InviteCodes codes,
            VanityRequests requests,
            Clock clock,
            IdempotentRequests idempotency) {
        this.campaigns = campaigns;
        this.referrers = referrers;
        this.codes = codes;
        this.requests = requests;
        this.clock = clock;
        this.idempotency = idempotency;
    }

    /** {@link #handle(RequestVanityCodeCommand)} once per Idempotency-Key, recorded in the same transaction. */
    @Transactional
    public <A> A handle(RequestVanityCodeCommand c, IdempotentRequests.Answer<VanityRequest, A> answer) {
        return idempotency.once(answer, () -> handle(c));
    }

    public VanityRequest handle(RequestVanityCodeCommand c) {
        Campaign campaign = campaigns.require(c.campaignId());
        referrers.requireMayRefer(campaign, c.userId(), "no vanity code for them");
        String code = VanityCode.canonical(c.code());
        VanityCode.problemWith(code).ifPresent(p -> {
            throw p == VanityCode.Problem.RESERVED
                    ? new LaxinException(InviteErrorCode.VANITY_CODE_RESERVED, code + " is reserved; choose another")
                    : new LaxinException(
                            InviteErrorCode.VANITY_CODE_INVALID,
                            "'" + c.code() + "' is not 4 to 16 letters A-Z and digits with at least one letter");
        });
        if (codes.findByCode(code).isPresent() || requests.pendingFor(code)) {
            throw taken(code);
        }
        return requests.tryAdd(VanityRequest.pending(campaign.id(), c.userId(), code, c.requestedBy(), clock.instant()))
                .orElseThrow(() -> requests.ofUser(campaign.id(), c.userId()).stream()
                                .anyMatch(r -> r.status() == VanityRequest.Status.PENDING)
                        ? new LaxinException(
                                InviteErrorCode.VANITY_REQUEST_PENDING,
                                c.userId() + " already has a vanity " + "code request pending in campaign "
                                        + campaign.id())
                        : taken(code));
    }

    private static LaxinException taken(String code) {
        return new LaxinException(
                InviteErrorCode.VANITY_CODE_TAKEN, code + " is already a code or requested by " + "someone else");
    }
}
