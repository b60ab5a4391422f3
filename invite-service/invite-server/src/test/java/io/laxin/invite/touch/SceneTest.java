package io.laxin.invite.touch;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.invite.touch.domain.Scene;
import org.junit.jupiter.api.Test;

class SceneTest {

    @Test
    void shouldReadTheCodeAndChannelOfAPlainScene() {
        assertThat(Scene.parse("i=K7PX3MWQ&c=poster")).contains(new Scene("K7PX3MWQ", "poster"));
    }

    @Test
    void shouldUndoOneOrTwoRoundsOfPercentEncoding() {
        assertThat(Scene.parse("i%3DK7PX3MWQ%26c%3Dposter")).contains(new Scene("K7PX3MWQ", "poster"));
        assertThat(Scene.parse("i%253DK7PX3MWQ%2526c%253Dqr")).contains(new Scene("K7PX3MWQ", "qr"));
    }

    @Test
    void shouldCountASceneWithoutAChannelAsAQrScanAndIgnoreOtherKeys() {
        assertThat(Scene.parse("x=1&i=AB3K")).contains(new Scene("AB3K", "qr"));
        assertThat(Scene.parse("i=AB3K&c=")).contains(new Scene("AB3K", "qr"));
    }

    @Test
    void shouldFindNoSceneWithoutACodeOrWhenOverlongOrBadlyEncoded() {
        assertThat(Scene.parse("c=poster")).isEmpty();
        assertThat(Scene.parse("i=")).isEmpty();
        assertThat(Scene.parse("K7PX3MWQ")).isEmpty();
        assertThat(Scene.parse("")).isEmpty();
        assertThat(Scene.parse(null)).isEmpty();
        assertThat(Scene.parse("i=" + "A".repeat(127))).isEmpty();
        assertThat(Scene.parse("i=%E4%zz")).isEmpty();
    }
}
