package io.laxin.poster.render.application;

import static io.laxin.poster.render.application.CountingTemplates.TEMPLATE_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.poster.template.domain.VersionLayout;
import org.junit.jupiter.api.Test;

class DecodedTemplatesTest {

    private final CountingTemplates stored = new CountingTemplates();
    private final DecodedTemplates decoded = new DecodedTemplates(stored);

    @Test
    void shouldReadAVersionsBackgroundOnlyWhenItIsNotHeldDecoded() {
        VersionLayout v1 = new VersionLayout(TEMPLATE_ID, 1, CountingTemplates.layout(40));

        DecodedTemplates.Decoded first = decoded.of(v1);
        DecodedTemplates.Decoded again = decoded.of(v1);

        assertThat(first.background().getWidth()).isEqualTo(320);
        assertThat(again).isSameAs(first);
        assertThat(stored.wholeReads).isEqualTo(1);
    }

    @Test
    void shouldHoldNoMoreDecodedPixelsThanItsByteBudget() {
        long oneVersion = 4L * 320 * 320;
        DecodedTemplates small = new DecodedTemplates(stored, 3 * oneVersion);
        for (int v = 1; v <= 5; v++) {
            stored.publish(40);
        }
        for (int v = 1; v <= 4; v++) {
            small.of(new VersionLayout(TEMPLATE_ID, v, CountingTemplates.layout(40)));
        }

        assertThat(small.heldBytes()).isEqualTo(3 * oneVersion);
        int reads = stored.wholeReads;
        small.of(new VersionLayout(TEMPLATE_ID, 1, CountingTemplates.layout(40)));
        assertThat(stored.wholeReads)
                .as("the eldest was let go to stay within the budget")
                .isEqualTo(reads + 1);
        small.of(new VersionLayout(TEMPLATE_ID, 4, CountingTemplates.layout(40)));
        assertThat(stored.wholeReads).as("the newest are held").isEqualTo(reads + 1);
    }

    @Test
    void shouldForgetTheLeastRecentlyUsedVersionBeyondTheBound() {
        for (int v = 0; v <= DecodedTemplates.MAX_ENTRIES; v++) {
            stored.publish(40);
        }
        VersionLayout v1 = new VersionLayout(TEMPLATE_ID, 1, CountingTemplates.layout(40));
        decoded.of(v1);
        for (int v = 2; v <= DecodedTemplates.MAX_ENTRIES + 1; v++) {
            decoded.of(new VersionLayout(TEMPLATE_ID, v, CountingTemplates.layout(40)));
        }

        decoded.of(v1);

        assertThat(stored.wholeReads).isEqualTo(DecodedTemplates.MAX_ENTRIES + 2);
    }
}
