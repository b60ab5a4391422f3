package io.laxin.poster.render.domain;

import io.laxin.poster.template.domain.Layout;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Poster rendering costs, each in the same JVM and run as the baseline: a plain ImageIO JPEG encode of a blank
 * 750×1334 image. Run by {@link PosterBench} (see docs/benchmarks/poster.md), not by the test build.
 */
@State(Scope.Benchmark)
public class PosterBenchmark {

    static final String LINK = "https://laxin.example/s/K7M2QX8P?ch=poster";
    static final String NICKNAME = "张小明😀 Ming";

    BufferedImage blank;
    BufferedImage background;
    Layout layout;
    TemplatePainter painter;
    Map<String, byte[]> cache;
    String templateFingerprint = "1v1";

    @Setup
    public void setUp() {
        blank = new BufferedImage(750, 1334, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = blank.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 750, 1334);
        g.dispose();
        background = new BufferedImage(750, 1334, BufferedImage.TYPE_INT_RGB);
        g = background.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0xFFE0B2), 0, 1334, new Color(0xFF8A65)));
        g.fillRect(0, 0, 750, 1334);
        g.dispose();
        layout = new Layout(new Layout.QrBox(215, 860, 320, 2, Layout.ErrorCorrection.M, "#1A237E", "#FFFFFF",
                null, null, null), new Layout.AvatarBox(60, 60, 120, null),
                new Layout.NicknameBox(200, 90, 480, 40, "#333333"),
                List.of(new Layout.TextLine("邀请好友，双方各得 20 元", 60, 260, 630, 48, "#B71C1C"),
                        new Layout.TextLine("Scan to join — 长按识别二维码", 60, 1260, 630, 28, "#5D4037")));
        painter = new TemplatePainter(new TextPainter(FontChain.bundled()));
        cache = new ConcurrentHashMap<>();
        cache.put("poster:" + key(), renderUncached());
    }

    private String key() {
        return PosterKey.of("template", templateFingerprint, LINK, "-", NICKNAME, "JPEG");
    }

    /** The baseline: ImageIO.write of a blank 750×1334 RGB image as JPEG (its default quality 0.75). */
    @Benchmark
    public byte[] blankJpegBaseline() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(blank, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A full uncached render: background, QR code (with read-back), initial disc, nickname, two lines, JPEG 0.9. */
    @Benchmark
    public byte[] renderUncached() {
        BufferedImage image = painter.draw(layout, background, null,
                new TemplatePainter.Content(LINK, null, null, NICKNAME));
        return PosterRenderer.encode(image, PosterFormat.JPEG);
    }

    /** The QR part of a render: encode the link (and read it back once, as the renderer does). */
    @Benchmark
    public Object qrEncode() {
        return QrEncoder.encode(LINK, 320, 2);
    }

    /** A cached answer, in process: the content key (SHA-256 of the inputs) and the lookup. */
    @Benchmark
    public byte[] cachedServe() {
        return cache.get("poster:" + key());
    }
}
