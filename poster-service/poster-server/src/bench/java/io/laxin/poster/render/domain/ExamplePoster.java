package io.laxin.poster.render.domain;

import io.laxin.poster.template.domain.Layout;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the example poster in docs/ ({@code poster-template-example.png}): the layout of docs/benchmarks/poster.md
 * on a generated background, with a mixed-script nickname and the initial in place of an avatar.
 * Argument: the output file.
 */
public final class ExamplePoster {

    private ExamplePoster() {
    }

    public static void main(String[] args) throws IOException {
        BufferedImage background = new BufferedImage(750, 1334, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = background.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(0xFFF3E0), 0, 1334, new Color(0xFF8A65)));
        g.fillRect(0, 0, 750, 1334);
        g.setColor(new Color(255, 255, 255, 200));
        g.fillRoundRect(175, 820, 400, 400, 36, 36);
        g.dispose();
        Layout layout = new Layout(new Layout.QrBox(215, 860, 320, 2, Layout.ErrorCorrection.M, "#1A237E",
                "#FFFFFF", null, null, null), new Layout.AvatarBox(60, 60, 120, null),
                new Layout.NicknameBox(200, 90, 480, 40, "#333333"),
                List.of(new Layout.TextLine("邀请好友，双方各得 20 元", 60, 300, 630, 52, "#B71C1C"),
                        new Layout.TextLine("双十一限时活动 · Double 11", 60, 400, 630, 36, "#6D4C41"),
                        new Layout.TextLine("长按识别二维码 — scan to join", 60, 1250, 630, 30, "#4E342E")));
        BufferedImage poster = new TemplatePainter(new TextPainter(FontChain.bundled())).draw(layout, background,
                null, new TemplatePainter.Content("https://laxin.example/s/K7M2QX8P?ch=poster", null, null,
                        "张小明😀 Ming محمد"));
        Path out = Path.of(args.length > 0 ? args[0] : "poster-template-example.png");
        Files.createDirectories(out.toAbsolutePath().getParent());
        ImageIO.write(poster, "png", out.toFile());
        System.out.println("wrote " + out.toAbsolutePath());
    }
}
