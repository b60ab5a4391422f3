package io.laxin.poster.render.application;

import io.laxin.kernel.error.LaxinException;
import io.laxin.poster.api.PosterErrorCode;
import io.laxin.poster.render.domain.MiniProgramCodes;
import io.laxin.poster.render.domain.PosterCache;
import io.laxin.poster.render.domain.PosterCode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.imageio.ImageIO;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Mini-program code images, asked of WeChat once and kept: the image depends only on the scene (invite code and
 * channel, so one user in one campaign), the page and the width, and that is its key. A user's code is therefore
 * fetched once per page and code size — at most once per template version — and again only when the campaign's page
 * changes. Concurrent first requests for the same code in this instance share one WeChat call.
 */
@Component
public class StoredMiniProgramCodes {

    /** Kept long: WeChat limits calls, and a code for the same scene and page never changes. */
    static final Duration TTL = Duration.ofDays(180);

    static final int MIN_WIDTH = 280;
    static final int MAX_WIDTH = 1280;

    private final ObjectProvider<MiniProgramCodes> wechat;
    private final PosterCache cache;
    private final ConcurrentMap<String, CompletableFuture<byte[]>> inFlight = new ConcurrentHashMap<>();

    public StoredMiniProgramCodes(ObjectProvider<MiniProgramCodes> wechat, PosterCache cache) {
        this.wechat = wechat;
        this.cache = cache;
    }

    /**
     * The code image for a box {@code size} pixels wide.
     *
     * @param usedBy what asks for the code (a campaign, a template), for the error when WeChat is not configured
     */
    public BufferedImage image(PosterCode code, int size, String usedBy) {
        MiniProgramCodes client = wechat.getIfAvailable();
        if (client == null) {
            throw new LaxinException(
                    PosterErrorCode.WECHAT_NOT_CONFIGURED,
                    usedBy + " draws a mini-program code; "
                            + "set LAXIN_POSTER_WECHAT_APP_ID and LAXIN_POSTER_WECHAT_APP_SECRET");
        }
        int width = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, size));
        String key = "wxacode:" + width + ":" + code.page() + ":" + code.scene().value();
        Optional<byte[]> stored = cache.get(key);
        return decode(stored.isPresent() ? stored.get() : fetchOnce(client, code, width, key));
    }

    private byte[] fetchOnce(MiniProgramCodes client, PosterCode code, int width, String key) {
        CompletableFuture<byte[]> mine = new CompletableFuture<>();
        CompletableFuture<byte[]> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            byte[] image = cache.get(key).orElseGet(() -> {
                byte[] fresh = client.unlimited(code.scene(), code.page(), width);
                cache.put(key, fresh, TTL);
                return fresh;
            });
            mine.complete(image);
            return image;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new LaxinException(PosterErrorCode.WECHAT_UNAVAILABLE, "WeChat's code is not an image");
            }
            return image;
        } catch (IOException e) {
            throw new LaxinException(PosterErrorCode.WECHAT_UNAVAILABLE, "WeChat's code cannot be read");
        }
    }
}
