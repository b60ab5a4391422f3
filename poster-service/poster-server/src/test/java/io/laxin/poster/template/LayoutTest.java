package io.laxin.poster.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laxin.kernel.error.LaxinException;
import io.laxin.poster.api.PosterErrorCode;
import io.laxin.poster.template.domain.Layout;
import io.laxin.poster.template.domain.Layout.AvatarBox;
import io.laxin.poster.template.domain.Layout.CodeKind;
import io.laxin.poster.template.domain.Layout.ErrorCorrection;
import io.laxin.poster.template.domain.Layout.NicknameBox;
import io.laxin.poster.template.domain.Layout.QrBox;
import io.laxin.poster.template.domain.Layout.TextLine;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayoutTest {

    static QrBox qr(int x, int y, int size) {
        return new QrBox(x, y, size, 2, ErrorCorrection.M, null, null, null, null, null);
    }

    /** The example layout on a 750×1334 background. */
    static Layout aLayout() {
        return new Layout(
                qr(215, 860, 320),
                new AvatarBox(60, 60, 120, null),
                new NicknameBox(200, 80, 480, 40, "#333333"),
                List.of(new TextLine("邀请好友，双方各得 20 元", 60, 260, 630, 48, "#B71C1C")));
    }

    @Test
    void shouldAcceptALayoutThatFitsItsBackground() {
        assertThat(aLayout().problems(750, 1334, false)).isEmpty();
    }

    @Test
    void shouldRefuseBoxesOutsideTheBackground() {
        Layout layout = new Layout(
                qr(600, 1200, 320),
                new AvatarBox(700, 10, 100, null),
                new NicknameBox(10, 1320, 200, 30, null),
                List.of(new TextLine("x", -1, 10, 100, 20, null)));

        List<String> problems = layout.problems(750, 1334, false);

        assertThat(problems).anyMatch(p -> p.startsWith("qr: the box"));
        assertThat(problems).anyMatch(p -> p.startsWith("avatar: the box"));
        assertThat(problems).anyMatch(p -> p.startsWith("nickname: the box"));
        assertThat(problems).anyMatch(p -> p.startsWith("texts[0]: the box"));
    }

    @Test
    void shouldRefuseAQrCodeTooSmallToScanOrLargerThanTheBackground() {
        assertThat(new Layout(qr(10, 10, 200), null, null, null).problems(750, 1334, false))
                .anyMatch(p -> p.startsWith("qr.size must be 240..750"));
        assertThat(new Layout(qr(0, 0, 800), null, null, null).problems(750, 1334, false))
                .anyMatch(p -> p.startsWith("qr.size must be 240..750"));
    }

    @Test
    void shouldRefuseTextOrAvatarOverTheCode() {
        Layout layout = new Layout(
                qr(200, 800, 320), new AvatarBox(250, 850, 100, null), new NicknameBox(100, 790, 400, 30, null), null);

        assertThat(layout.problems(750, 1334, false))
                .anyMatch(p -> p.startsWith("avatar overlaps the code box"))
                .anyMatch(p -> p.startsWith("nickname overlaps the code box"));
    }

    @Test
    void shouldRefuseLightModulesOnADarkGround() {
        Layout inverted = new Layout(
                new QrBox(200, 800, 320, 2, ErrorCorrection.M, "#FFFFFF", "#000000", null, null, null),
                null,
                null,
                null);
        Layout lowContrast = new Layout(
                new QrBox(200, 800, 320, 2, ErrorCorrection.M, "#777777", "#999999", null, null, null),
                null,
                null,
                null);
        Layout notAColour = new Layout(
                new QrBox(200, 800, 320, 2, ErrorCorrection.M, "black", null, null, null, null), null, null, null);

        assertThat(inverted.problems(750, 1334, false)).anyMatch(p -> p.contains("much darker"));
        assertThat(lowContrast.problems(750, 1334, false)).anyMatch(p -> p.contains("much darker"));
        assertThat(notAColour.problems(750, 1334, false)).anyMatch(p -> p.startsWith("qr.foreground must be"));
    }

    @Test
    void shouldAllowALogoOnlyWithHighErrorCorrectionAndAtMostAFifthOfTheCode() {
        Layout m = new Layout(
                new QrBox(200, 800, 320, 2, ErrorCorrection.M, null, null, 60, null, null), null, null, null);
        Layout big = new Layout(
                new QrBox(200, 800, 320, 2, ErrorCorrection.H, null, null, 100, null, null), null, null, null);
        Layout ok = new Layout(
                new QrBox(200, 800, 320, 2, ErrorCorrection.H, null, null, 64, null, null), null, null, null);

        assertThat(m.problems(750, 1334, true)).anyMatch(p -> p.startsWith("qr.errorCorrection must be Q or H"));
        assertThat(big.problems(750, 1334, true)).anyMatch(p -> p.startsWith("qr.logoSize must be 8..70"));
        assertThat(ok.problems(750, 1334, true)).isEmpty();
        assertThat(ok.problems(750, 1334, false)).anyMatch(p -> p.contains("no logo was given"));
        assertThat(new Layout(qr(200, 800, 320), null, null, null).problems(750, 1334, true))
                .anyMatch(p -> p.contains("logoSize is required"));
    }

    @Test
    void shouldRefuseFontSizesQuietZonesAndTextCountsOutOfRange() {
        Layout layout = new Layout(
                new QrBox(200, 800, 320, 0, null, null, null, null, null, null),
                null,
                new NicknameBox(10, 10, 300, 8, null),
                Collections.nCopies(11, new TextLine("x", 10, 100, 300, 20, null)));

        assertThat(layout.problems(750, 1334, false))
                .anyMatch(p -> p.startsWith("qr.quietZone must be 1..10"))
                .anyMatch(p -> p.startsWith("nickname.fontSize must be 12..200"))
                .anyMatch(p -> p.startsWith("texts: at most 10"));
    }

    @Test
    void shouldRefuseALogoOnAMiniProgramCodeAndABadPage() {
        Layout layout = new Layout(
                new QrBox(200, 800, 320, null, null, null, null, 40, CodeKind.MINI_PROGRAM, "pages/index?x=<script>"),
                null,
                null,
                null);

        assertThat(layout.problems(750, 1334, true))
                .anyMatch(p -> p.contains("a logo is not drawn"))
                .anyMatch(p -> p.startsWith("qr.miniProgramPage"));
    }

    @Test
    void shouldNameEveryProblemInOneRefusal() {
        Layout layout = new Layout(qr(700, 1300, 200), null, null, null);

        assertThatThrownBy(() -> layout.requireFits(750, 1334, false))
                .isInstanceOfSatisfying(LaxinException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(PosterErrorCode.TEMPLATE_LAYOUT_INVALID);
                    assertThat(e.getMessage()).contains("qr.size").contains("qr: the box");
                });
    }

    @Test
    void shouldRequireACodeBox() {
        assertThat(new Layout(null, null, null, null).problems(750, 1334, false))
                .containsExactly("qr: the code box is required");
    }
}
