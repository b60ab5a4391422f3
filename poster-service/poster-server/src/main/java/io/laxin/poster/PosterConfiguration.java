package io.laxin.poster;

import io.laxin.poster.render.domain.FontChain;
import io.laxin.poster.render.domain.PosterRenderer;
import io.laxin.poster.render.domain.TemplatePainter;
import io.laxin.poster.render.domain.TextPainter;
import io.laxin.poster.template.domain.ImageLimits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plain-Java painters and the image limits from {@code laxin.poster.*}. */
@Configuration(proxyBeanMethods = false)
public class PosterConfiguration {

    public static final String BACKGROUND_LIMITS = "backgroundLimits";
    public static final String AVATAR_LIMITS = "avatarLimits";

    @Bean
    FontChain fontChain() {
        return FontChain.bundled();
    }

    @Bean
    TextPainter textPainter(FontChain fonts) {
        return new TextPainter(fonts);
    }

    @Bean
    TemplatePainter templatePainter(TextPainter text) {
        return new TemplatePainter(text);
    }

    @Bean
    PosterRenderer posterRenderer() {
        return new PosterRenderer();
    }

    @Bean(BACKGROUND_LIMITS)
    ImageLimits backgroundLimits(PosterProperties properties) {
        PosterProperties.Background b = properties.background();
        return new ImageLimits(b.maxBytes(), b.maxWidth(), b.maxHeight(), b.maxPixels());
    }

    @Bean(AVATAR_LIMITS)
    ImageLimits avatarLimits(PosterProperties properties) {
        return new ImageLimits(
                properties.avatar().maxBytes(), 4096, 4096, properties.avatar().maxPixels());
    }
}
