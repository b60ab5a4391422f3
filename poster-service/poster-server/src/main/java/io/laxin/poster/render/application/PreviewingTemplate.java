package io.laxin.poster.render.application;

import io.laxin.poster.render.domain.PosterFormat;
import io.laxin.poster.render.domain.PosterRenderer;
import io.laxin.poster.render.domain.TemplatePainter;
import io.laxin.poster.template.domain.Layout;
import io.laxin.poster.template.domain.TemplateDraft;
import io.laxin.poster.template.domain.TemplateVersion;
import java.awt.image.BufferedImage;
import org.springframework.stereotype.Service;

/**
 * Use case: what a template looks like, for operators, drawn with a sample user (a Chinese nickname with Latin
 * letters, no avatar so the initial shows) and a sample share link. A mini-program template shows a QR code of the
 * sample link in the code box: previews never call WeChat.
 */
@Service
public class PreviewingTemplate {

    public static final String SAMPLE_LINK = "https://laxin.example/s/PREVIEW8?ch=poster";
    public static final String SAMPLE_NICKNAME = "示例用户 Sample";

    private final TemplatePainter painter;
    private final DecodedTemplates decoded;

    public PreviewingTemplate(TemplatePainter painter, DecodedTemplates decoded) {
        this.painter = painter;
        this.decoded = decoded;
    }

    /** A stored version. */
    public byte[] preview(TemplateVersion template, PosterFormat format) {
        DecodedTemplates.Decoded pixels = decoded.of(template);
        return draw(template.layout(), pixels.background(), pixels.logo(), format);
    }

    /** A draft not stored (yet). */
    public byte[] preview(TemplateDraft draft, PosterFormat format) {
        return draw(
                draft.layout(),
                draft.background().pixels(),
                draft.logo() == null ? null : draft.logo().pixels(),
                format);
    }

    private byte[] draw(Layout layout, BufferedImage background, BufferedImage logo, PosterFormat format) {
        Layout shown = layout;
        if (layout.qr().kind() == Layout.CodeKind.MINI_PROGRAM) {
            Layout.QrBox q = layout.qr();
            shown = new Layout(
                    new Layout.QrBox(
                            q.x(),
                            q.y(),
                            q.size(),
                            2,
                            Layout.ErrorCorrection.M,
                            null,
                            null,
                            null,
                            Layout.CodeKind.QR,
                            null),
                    layout.avatar(),
                    layout.nickname(),
                    layout.texts());
        }
        BufferedImage image = painter.draw(
                shown, background, logo, new TemplatePainter.Content(SAMPLE_LINK, null, null, SAMPLE_NICKNAME));
        return PosterRenderer.encode(image, format);
    }
}
