package io.laxin.invite.campaign.application;

import io.laxin.invite.campaign.domain.DesignatedReferrers;
import io.laxin.kernel.idempotency.IdempotentRequests;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: operators keep the list of users designated to refer in a campaign (used while its referrers are
 * DESIGNATED; kept, and unused, while EVERYONE may refer). Adding a listed user or removing an unlisted one changes
 * nothing; the answers count what changed.
 */
@Service
public class DesignatingReferrers {

    private final FindingCampaign campaigns;
    private final DesignatedReferrers designated;
    private final Clock clock;
    private final IdempotentRequests idempotency;

    public DesignatingReferrers(
            FindingCampaign campaigns, DesignatedReferrers designated, Clock clock, IdempotentRequests idempotency) {
        this.campaigns = campaigns;
        this.designated = designated;
        this.clock = clock;
        this.idempotency = idempotency;
    }

    /** Adds them once per Idempotency-Key (the key and the answer recorded in the same transaction). */
    @Transactional
    public <A> A add(
            long campaignId, List<String> userIds, String operatorId, IdempotentRequests.Answer<Integer, A> answer) {
        return idempotency.once(
                answer,
                () -> designated.add(
                        campaigns.require(campaignId).id(), distinct(userIds), operatorId, clock.instant()));
    }

    /** Removes them once per Idempotency-Key (the key and the answer recorded in the same transaction). */
    @Transactional
    public <A> A remove(long campaignId, List<String> userIds, IdempotentRequests.Answer<Integer, A> answer) {
        return idempotency.once(
                answer, () -> designated.remove(campaigns.require(campaignId).id(), distinct(userIds)));
    }

    public DesignatedReferrers.Page page(long campaignId, int page, int size) {
        return designated.page(campaigns.require(campaignId).id(), page, size);
    }

    private static List<String> distinct(List<String> userIds) {
        return userIds.stream().map(String::strip).distinct().toList();
    }
}
