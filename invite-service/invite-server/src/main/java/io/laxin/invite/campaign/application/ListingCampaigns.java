package io.laxin.invite.campaign.application;

import io.laxin.invite.campaign.domain.CampaignPolicies;
import io.laxin.invite.campaign.domain.Campaigns;
import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.error.LaxinException;
import java.util.List;
import org.springframework.stereotype.Service;

/** Operators' views: campaigns page by page, and the versions of one campaign's reward policy. */
@Service
public class ListingCampaigns {

    public static final int MAX_PAGE_SIZE = 100;

    private final Campaigns campaigns;
    private final CampaignPolicies policies;
    private final FindingCampaign finding;

    public ListingCampaigns(Campaigns campaigns, CampaignPolicies policies, FindingCampaign finding) {
        this.campaigns = campaigns;
        this.policies = policies;
        this.finding = finding;
    }

    /** A page of campaigns, newest first; a page below 0 or a size outside 1..100 answers 400. */
    public Campaigns.Page page(Campaigns.Query query) {
        if (query.page() < 0 || query.size() < 1 || query.size() > MAX_PAGE_SIZE) {
            throw new LaxinException(
                    CommonErrorCode.VALIDATION_FAILED, "page must be >= 0 and size within 1.." + MAX_PAGE_SIZE);
        }
        String q = query.nameContains() == null || query.nameContains().isBlank()
                ? null
                : query.nameContains().strip();
        return campaigns.search(new Campaigns.Query(query.status(), q, query.page(), query.size()));
    }

    /** Every version of the campaign's reward policy, newest first. */
    public List<CampaignPolicies.Version> policyHistory(long campaignId) {
        finding.require(campaignId);
        return policies.history(campaignId);
    }
}
