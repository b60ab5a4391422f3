package io.laxin.poster.render.application;

import io.laxin.kernel.error.LaxinException;
import io.laxin.poster.PosterProperties;
import io.laxin.poster.api.PosterErrorCode;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A bulkhead around drawing and encoding: a render holds a canvas of up to 4096 × 4096 pixels (64 MiB) while it
 * draws, so at most {@code laxin.poster.render.max-concurrent} renders run at once and the heap a burst can take is
 * bounded. A request that finds no slot within {@code laxin.poster.render.slot-wait} gets 503 RENDERING_BUSY with
 * Retry-After; cached posters and 304s never take a slot.
 */
@Component
public class RenderSlots {

    private final Semaphore slots;
    private final long waitMillis;

    @Autowired
    public RenderSlots(PosterProperties properties) {
        this(properties.render().maxConcurrent(), properties.render().slotWait());
    }

    public RenderSlots(int maxConcurrent, Duration wait) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("laxin.poster.render.max-concurrent must be at least 1");
        }
        this.slots = new Semaphore(maxConcurrent, true);
        this.waitMillis = wait.toMillis();
    }

    public <T> T run(Supplier<T> render) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new LaxinException(
                    PosterErrorCode.RENDERING_BUSY, "Every render slot stayed busy for " + waitMillis + " ms");
        }
        try {
            return render.get();
        } finally {
            slots.release();
        }
    }
}
