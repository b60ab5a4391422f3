package io.laxin.invite.touch.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * Port: touches are counted, not stored one by one. Counting happens in Redis on the hot path and is flushed to
 * MySQL in batches; a device's first and latest touch per campaign are kept for the attribution window.
 */
public interface Touches {

    /**
     * Counts a touch.
     *
     * @param uniqueWindow a visitor opening the same code again within this window is not a new unique touch
     * @param keepFor      how long the touch is remembered for attribution under its {@link Touch#deviceIds}
     * @return true when it was a new unique touch
     */
    boolean record(Touch touch, Duration uniqueWindow, Duration keepFor);

    TouchCounts counts(long campaignId);

    Optional<DeviceTouch> firstTouch(long campaignId, String deviceId);

    Optional<DeviceTouch> lastTouch(long campaignId, String deviceId);
}
