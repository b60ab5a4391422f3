package io.laxin.reward.reward.application;

import io.laxin.reward.ledger.domain.Account;
import io.laxin.reward.ledger.domain.Ledger;
import io.laxin.reward.ledger.domain.Unit;
import io.laxin.reward.reward.domain.Reward;
import io.laxin.reward.reward.domain.Rewards;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Service;

/** Queries: a user's rewards and balances, a campaign's counts. */
@Service
public class ReadingRewards {

    private static final int PAGE = 100;

    private final Rewards rewards;
    private final Ledger ledger;

    public ReadingRewards(Rewards rewards, Ledger ledger) {
        this.rewards = rewards;
        this.ledger = ledger;
    }

    /** A user's balance in one unit: what is owed to them, pending and available (credit balances, shown positive). */
    public record Balance(String unit, long pending, long available) {}

    public List<Reward> ofUser(String userId) {
        return rewards.ofUser(userId, PAGE);
    }

    public List<Balance> balancesOf(String userId) {
        return Arrays.stream(Unit.values())
                .map(u -> new Balance(
                        u.name(),
                        -ledger.balance(Account.PAYABLE_PENDING, userId, u),
                        -ledger.balance(Account.PAYABLE_AVAILABLE, userId, u)))
                .toList();
    }

    public Rewards.CampaignCounts ofCampaign(long campaignId) {
        return rewards.countCampaign(campaignId);
    }
}
