package io.laxin.invite.touch.infra;

import io.laxin.invite.InviteProperties;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes device touches past their attribution window from {@code device_touch}, in batches of
 * {@code laxin.invite.device-touch-cleanup-batch} (default 1000) rows, every
 * {@code laxin.invite.device-touch-cleanup-interval} (default 1 h). Reads already ignore expired rows; this only keeps
 * the table small.
 */
@Component
public class ExpiredDeviceTouchCleanup {

    private static final Logger log = LoggerFactory.getLogger(ExpiredDeviceTouchCleanup.class);

    private final DeviceTouchTable table;
    private final Clock clock;
    private final int batch;

    ExpiredDeviceTouchCleanup(DeviceTouchTable table, Clock clock, InviteProperties properties) {
        this.table = table;
        this.clock = clock;
        this.batch = properties.deviceTouchCleanupBatch();
    }

    @Scheduled(
            fixedDelayString = InviteProperties.DEVICE_TOUCH_CLEANUP_INTERVAL_PLACEHOLDER,
            initialDelayString = InviteProperties.DEVICE_TOUCH_CLEANUP_INTERVAL_PLACEHOLDER)
    void run() {
        try {
            int deleted = deleteExpired();
            if (deleted > 0) {
                log.info("Deleted {} expired device touches", deleted);
            }
        } catch (RuntimeException e) {
            // the store may be away for a moment; the next run tries again
            log.warn("Deleting expired device touches failed: {}", e.toString());
        }
    }

    /** Deletes every touch expired by now, one batch (one short statement) at a time; answers how many. */
    public int deleteExpired() {
        var now = clock.instant();
        int total = 0;
        int deleted;
        do {
            deleted = table.deleteExpired(now, batch);
            total += deleted;
        } while (deleted == batch);
        return total;
    }
}
