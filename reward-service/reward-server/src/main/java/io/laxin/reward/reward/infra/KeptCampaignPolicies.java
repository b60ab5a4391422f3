package io.laxin.reward.reward.infra;

import io.laxin.invite.api.dto.CampaignPolicyDTO;
import io.laxin.invite.api.dto.RewardPolicyDTO;
import io.laxin.invite.api.dto.RewardSpecDTO;
import io.laxin.kernel.remote.RemoteCalls;
import io.laxin.reward.reward.application.CampaignPolicies;
import io.laxin.reward.reward.domain.RewardKind;
import io.laxin.reward.reward.domain.RewardPolicy;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Policy versions kept in {@code campaign_policy}; a version not kept yet is read from invite-service (a signed
 * internal call) and kept, by its own statement: the row is a copy of an immutable value, so writing it apart from
 * the transaction that first pays under it is safe, and a second reader racing the first keeps the row already
 * there.
 */
@Repository
class KeptCampaignPolicies implements CampaignPolicies {

    private static final Logger log = LoggerFactory.getLogger(KeptCampaignPolicies.class);
    private static final String KEPT =
            "SELECT policy FROM campaign_policy WHERE campaign_id = ? AND policy_version = ?";

    private final JdbcTemplate jdbc;
    private final InviteClient invite;
    private final JsonMapper json;
    private final Clock clock;

    KeptCampaignPolicies(JdbcTemplate jdbc, InviteClient invite, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.invite = invite;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public RewardPolicy of(long campaignId, int policyVersion) {
        List<String> kept = jdbc.queryForList(KEPT, String.class, campaignId, policyVersion);
        if (!kept.isEmpty()) {
            return policy(json.readValue(kept.get(0), RewardPolicyDTO.class));
        }
        return policy(json.readValue(fetchAndKeep(campaignId, policyVersion), RewardPolicyDTO.class));
    }

    private String fetchAndKeep(long campaignId, int version) {
        RemoteCalls.requireNoTransaction("Reading policy " + campaignId + "/" + version + " from invite-service");
        CampaignPolicyDTO answer;
        try {
            answer = invite.policy(campaignId, version);
        } catch (RuntimeException e) {
            throw new Unavailable(
                    "Reward policy version " + version + " of campaign " + campaignId
                            + " could not be read from invite-service: " + e,
                    e);
        }
        if (answer == null
                || answer.campaignId() != campaignId
                || answer.version() != version
                || answer.policy() == null) {
            throw new Unavailable(
                    "invite-service answered something else than reward policy version " + version + " of campaign "
                            + campaignId,
                    null);
        }
        policy(answer.policy()); // one this service cannot read is not kept
        String policy = json.writeValueAsString(answer.policy());
        try {
            jdbc.update(
                    "INSERT INTO campaign_policy (campaign_id, policy_version, policy, fetched_at) "
                            + "VALUES (?, ?, ?, ?)",
                    campaignId,
                    version,
                    policy,
                    Timestamp.from(clock.instant()));
            log.info("Reward policy version {} of campaign {} read from invite-service and kept", version, campaignId);
            return policy;
        } catch (DuplicateKeyException raced) {
            // another delivery kept it first: everyone pays under the one kept copy
            return jdbc.queryForObject(KEPT, String.class, campaignId, version);
        }
    }

    /** invite-api's policy as this service's domain value. */
    private static RewardPolicy policy(RewardPolicyDTO p) {
        return new RewardPolicy(
                spec(p.referrerReward()),
                spec(p.inviteeReward()),
                p.holdDays(),
                p.milestonesOrNone().stream()
                        .map(m -> new RewardPolicy.Milestone(m.nth(), spec(m.reward())))
                        .toList(),
                p.caps() == null
                        ? null
                        : new RewardPolicy.Caps(
                                p.caps().perDay(), p.caps().perMonth(), p.caps().perCampaign()),
                p.budgetFen(),
                p.cashback() == null
                        ? null
                        : new RewardPolicy.Cashback(
                                p.cashback().shareBasisPoints(),
                                p.cashback().windowDays(),
                                p.cashback().firstOrders(),
                                spec(p.cashback().firstOrderReferrerBonus()),
                                spec(p.cashback().firstOrderInviteeBonus())));
    }

    private static RewardPolicy.Spec spec(RewardSpecDTO s) {
        return s == null
                ? null
                : new RewardPolicy.Spec(RewardKind.valueOf(s.kind().name()), s.amount());
    }
}
