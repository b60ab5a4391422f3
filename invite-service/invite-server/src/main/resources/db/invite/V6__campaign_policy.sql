-- Every version of each campaign's reward policy, in full: the published RewardPolicyDTO as JSON (milestones, caps,
-- budget, cashback included). campaign.policy_version is the version in force; versions of a launched campaign are
-- never changed, so a referral's (campaign_id, policy_version) names the policy it was decided under.
CREATE TABLE campaign_policy (
    campaign_id BIGINT      NOT NULL,
    version     INT         NOT NULL,
    policy      TEXT        NOT NULL,
    created_at  DATETIME(3) NOT NULL,
    created_by  VARCHAR(64) NOT NULL,
    PRIMARY KEY (campaign_id, version)
);

-- Campaigns so far had one version, held in their reward columns.
INSERT INTO campaign_policy (campaign_id, version, policy, created_at, created_by)
SELECT id, policy_version,
       CONCAT('{"referrerReward":{"kind":"', referrer_reward_kind, '","amount":', referrer_reward_amount,
              '},"inviteeReward":{"kind":"', invitee_reward_kind, '","amount":', invitee_reward_amount,
              '},"holdDays":', hold_days, '}'),
       created_at, created_by
FROM campaign;

-- The operators' listing: by status, newest first.
CREATE INDEX ix_campaign_status ON campaign (status, id);
