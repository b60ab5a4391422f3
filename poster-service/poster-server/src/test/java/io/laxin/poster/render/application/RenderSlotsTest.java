package io.laxin.poster.render.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laxin.kernel.error.LaxinException;
import io.laxin.poster.api.PosterErrorCode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RenderSlotsTest {

    @Test
    void shouldRefuseARenderThatFindsEverySlotBusyAndLetItInOnceOneIsFree() throws Exception {
        RenderSlots slots = new RenderSlots(1, Duration.ofMillis(50));
        CountDownLatch drawing = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> slots.run(() -> {
            drawing.countDown();
            await(finish);
            return "first";
        }));
        assertThat(drawing.await(5, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> slots.run(() -> "second"))
                .isInstanceOfSatisfying(
                        LaxinException.class, e -> assertThat(e.errorCode()).isEqualTo(PosterErrorCode.RENDERING_BUSY));

        finish.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(slots.run(() -> "third")).isEqualTo("third");
    }

    @Test
    void shouldGiveTheSlotBackWhenARenderFails() {
        RenderSlots slots = new RenderSlots(1, Duration.ZERO);

        assertThatThrownBy(() -> slots.run(() -> {
                    throw new IllegalStateException("broken image");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(slots.run(() -> "next")).isEqualTo("next");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
