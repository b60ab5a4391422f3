package io.laxin.reward.settlement.web;

import io.laxin.reward.settlement.domain.StatementLine;

/** One statement line: the user, the net amount in fen, how many rewards it holds, and its payout reference. */
public record StatementLineResponse(long id, String userId, long amountFen, long rewardCount, String reference) {

    static StatementLineResponse of(StatementLine l) {
        return new StatementLineResponse(l.id(), l.userId(), l.amountFen(), l.rewardCount(), l.payoutReference());
    }
}
