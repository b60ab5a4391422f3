package io.laxin.invite.api;

import io.laxin.invite.api.dto.CampaignPolicyDTO;
import io.laxin.invite.api.dto.InviteDTO;
import io.laxin.invite.api.dto.IssueInviteRequestDTO;
import io.laxin.invite.api.dto.TopReferrerDTO;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/** Internal invite operations for sibling services (poster-service, reward-service), called through OpenFeign. */
public interface InviteApi {

    String ISSUE_PATH = "/internal/invites";
    String TOP_REFERRERS_PATH = "/internal/campaigns/{campaignId}/top-referrers";
    String POLICY_PATH = "/internal/campaigns/{campaignId}/policies/{version}";
    /** The most referrers one call returns. */
    int TOP_REFERRERS_MAX = 10_000;

    /** The user's invite code and share link for a campaign, created on first ask and stable afterwards. */
    @PostMapping(ISSUE_PATH)
    InviteDTO issue(@RequestBody IssueInviteRequestDTO request);

    /** A campaign's top referrers by attributed invitees (ties: who got there first), at most {@link #TOP_REFERRERS_MAX}. */
    @GetMapping(TOP_REFERRERS_PATH)
    List<TopReferrerDTO> topReferrers(@PathVariable("campaignId") long campaignId, @RequestParam("limit") int limit);

    /**
     * One version of a campaign's reward policy (what a referral decided under it is worth); 404 CAMPAIGN_NOT_FOUND
     * or POLICY_VERSION_NOT_FOUND.
     */
    @GetMapping(POLICY_PATH)
    CampaignPolicyDTO policy(@PathVariable("campaignId") long campaignId, @PathVariable("version") int version);
}
