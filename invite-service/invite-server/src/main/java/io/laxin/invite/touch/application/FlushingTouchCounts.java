package io.laxin.invite.touch.application;

import io.laxin.invite.touch.domain.FlushedTouchCounts;
import io.laxin.invite.touch.domain.TouchCountBatches;
import io.laxin.invite.touch.domain.TouchCounts;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Use case: move touch counts from Redis to MySQL, a batch at a time, exactly once. Per campaign with pending counts:
 * cut the live counters into a batch (Redis), then for every batch held — a crashed flush's too — read it (Redis),
 * add it to MySQL with its token in one short transaction (none open while Redis is asked), and forget it (Redis).
 * A batch whose token MySQL has is not added again. A campaign stays marked until it has neither live counters nor
 * batches, so nothing is stranded; one MySQL refuses stays for the next round.
 */
@Service
public class FlushingTouchCounts {

    private static final Logger log = LoggerFactory.getLogger(FlushingTouchCounts.class);

    private final TouchCountBatches batches;
    private final FlushedTouchCounts flushed;
    private final TransactionTemplate tx;
    private final Clock clock;

    public FlushingTouchCounts(
            TouchCountBatches batches, FlushedTouchCounts flushed, TransactionTemplate tx, Clock clock) {
        this.batches = batches;
        this.flushed = flushed;
        this.tx = tx;
        this.clock = clock;
    }

    /** Flushes every campaign with pending counts; answers how many batches MySQL took. */
    public int flushAll() {
        int written = 0;
        for (long campaignId : batches.dirtyCampaigns()) {
            try {
                for (String token : batches.cut(campaignId)) {
                    List<TouchCounts.Row> rows = batches.batch(campaignId, token);
                    if (Boolean.TRUE.equals(tx.execute(s -> flushed.add(campaignId, token, rows, clock.instant())))) {
                        written++;
                    }
                    batches.forget(campaignId, token);
                }
            } catch (RuntimeException e) {
                log.warn(
                        "Touch counts of campaign {} not written yet ({}); kept for the next round",
                        campaignId,
                        e.toString());
                continue;
            }
            batches.clean(campaignId);
        }
        return written;
    }
}
