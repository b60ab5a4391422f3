package io.laxin.poster.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.poster.render.domain.FontChain;
import io.laxin.poster.render.domain.TextPainter;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.GlyphVector;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextPainterTest {

    private static final FontChain FONTS = FontChain.bundled();
    private final TextPainter painter = new TextPainter(FONTS);

    private static final String CHINESE = "张小明";
    private static final String TRADITIONAL = "陳大文";
    private static final String EMOJI = "小明😀👍❤";
    private static final String LONG = "我是一个名字非常非常长的用户昵称啊啊啊啊啊啊 with a very long English tail too";
    private static final String ARABIC = "محمد علي";
    private static final String HEBREW = "דוד כהן";
    private static final String MIXED = "Ali علي 李 😀 Ωμέγα Иван";

    @ParameterizedTest
    @ValueSource(strings = {CHINESE, TRADITIONAL, EMOJI, LONG, ARABIC, HEBREW, MIXED})
    void shouldDrawEveryCharacterWithAFontThatHasItsGlyph(String nickname) {
        TextPainter.Fitted fitted = painter.fit(nickname, 40, 480);

        assertThat(fitted.runs()).isNotEmpty();
        for (FontChain.Run run : fitted.runs()) {
            Font font = run.font().deriveFont(40f);
            assertThat(font.canDisplayUpTo(run.text()))
                    .as("%s in %s", run.text(), font.getFontName())
                    .isEqualTo(-1);
            GlyphVector glyphs = font.createGlyphVector(TextPainter.FRC, run.text());
            for (int i = 0; i < glyphs.getNumGlyphs(); i++) {
                assertThat(glyphs.getGlyphCode(i))
                        .as("glyph %d of '%s'", i, run.text())
                        .isNotEqualTo(font.getMissingGlyphCode());
            }
        }
    }

    @Test
    void shouldNeedTheFallbackBecauseNoSingleBundledFontHasEverything() {
        // guards the test above: with only the first font, Arabic, Hebrew and emoji would be tofu
        Font first = FONTS.fonts().get(0);
        assertThat(first.canDisplayUpTo(ARABIC)).isNotEqualTo(-1);
        assertThat(first.canDisplayUpTo("😀")).isNotEqualTo(-1);
        assertThat(FONTS.fonts().get(1).canDisplayUpTo(CHINESE)).isNotEqualTo(-1);
    }

    @Test
    void shouldKeepEveryBundledCharacterOfTheSampleNicknames() {
        assertThat(painter.fit(CHINESE, 40, 480).text()).isEqualTo(CHINESE);
        assertThat(painter.fit(TRADITIONAL, 40, 480).text()).isEqualTo(TRADITIONAL);
        assertThat(painter.fit(ARABIC, 40, 480).text()).isEqualTo(ARABIC);
        assertThat(painter.fit(EMOJI, 40, 480).text()).isEqualTo(EMOJI);
    }

    @Test
    void shouldDrawACharacterNoFontHasAsAVisibleSquareNotLeaveItOut() {
        // Thai and U+10900 PHOENICIAN LETTER ALF are in none of the bundled subsets; U+E000 is private use (left out)
        String text = "Bob\u0E01\uD802\uDD00\uE000";

        TextPainter.Fitted fitted = painter.fit(text, 40, 480);

        assertThat(fitted.text()).isEqualTo("Bob□□");
        assertThat(fitted.runs())
                .allSatisfy(
                        run -> assertThat(run.font().canDisplayUpTo(run.text())).isEqualTo(-1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"张喆", "王堃", "李珺", "陈犇", "刘彧", "㐀䶵", "赵㛃", "龥"})
    void shouldDrawEveryHanziOfAGivenNameWholeFromTheBasicBlockAndExtensionA(String name) {
        TextPainter.Fitted fitted = painter.fit(name, 40, 480);

        assertThat(fitted.text()).isEqualTo(name);
        for (FontChain.Run run : fitted.runs()) {
            Font font = run.font().deriveFont(40f);
            GlyphVector glyphs = font.createGlyphVector(TextPainter.FRC, run.text());
            for (int i = 0; i < glyphs.getNumGlyphs(); i++) {
                assertThat(glyphs.getGlyphCode(i))
                        .as("glyph %d of '%s'", i, run.text())
                        .isNotEqualTo(font.getMissingGlyphCode());
            }
        }
    }

    @Test
    void shouldCutALongNicknameWithAnEllipsisWithinTheWidth() {
        TextPainter.Fitted fitted = painter.fit(LONG, 40, 480);

        assertThat(fitted.cut()).isTrue();
        assertThat(fitted.text()).endsWith(TextPainter.ELLIPSIS).startsWith("我是一个名字");
        assertThat(fitted.advance()).isLessThanOrEqualTo(480f);
        assertThat(painter.fit(CHINESE, 40, 480).cut()).isFalse();
    }

    @Test
    void shouldReadRightToLeftTextAsRightToLeft() {
        assertThat(painter.fit(ARABIC, 40, 480).leftToRight()).isFalse();
        assertThat(painter.fit(HEBREW, 40, 480).leftToRight()).isFalse();
        assertThat(painter.fit(CHINESE, 40, 480).leftToRight()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {CHINESE, EMOJI, LONG, ARABIC, HEBREW, MIXED, "gjpqy ÅÉÎ 國語"})
    void shouldDrawInsideItsBoxAndNowhereElse(String nickname) {
        int x = 100;
        int y = 100;
        int width = 480;
        int height = 56;
        BufferedImage image = new BufferedImage(700, 260, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        painter.draw(g, nickname, 40, Color.BLACK, x, y, width, height);
        g.dispose();

        long inside = 0;
        for (int py = 0; py < image.getHeight(); py++) {
            for (int px = 0; px < image.getWidth(); px++) {
                boolean ink = image.getRGB(px, py) != Color.WHITE.getRGB();
                boolean inBox = px >= x && px < x + width && py >= y && py < y + height;
                assertThat(ink && !inBox)
                        .as("ink at %d,%d outside the box", px, py)
                        .isFalse();
                if (ink) {
                    inside++;
                }
            }
        }
        assertThat(inside).as("something was drawn").isGreaterThan(100);
    }

    @Test
    void shouldFitTheTextSoThatClippingIsNotWhatKeepsItInside() {
        for (String s : List.of(CHINESE, EMOJI, LONG, ARABIC, HEBREW, MIXED)) {
            TextPainter.Fitted fitted = painter.fit(s, 40, 480);
            var bounds = fitted.layout().getBounds();
            assertThat(bounds.getMaxX()).as(s).isLessThanOrEqualTo(481);
            assertThat(bounds.getMinX()).as(s).isGreaterThanOrEqualTo(-1);
            assertThat(bounds.getHeight()).as(s).isLessThanOrEqualTo(56);
        }
    }
}
