package io.laxin.poster.render.application;

import io.laxin.poster.render.domain.Invite;
import io.laxin.poster.render.domain.Invites;
import io.laxin.poster.render.domain.PosterRenderer;
import io.laxin.poster.render.domain.PosterSpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Use case: fetch (or create) the user's invite for the poster channel from invite-service, then draw the poster
 * with its share link and code. Nothing is stored; the gateway and clients may cache the image briefly.
 */
@Service
public class RenderingPoster {

    private final Invites invites;
    private final String title;
    private final PosterRenderer renderer = new PosterRenderer();

    /**
     * @param title the poster headline; invite-api does not expose campaign names yet, so it is configured
     *              ({@code laxin.poster.title})
     */
    public RenderingPoster(Invites invites, @Value("${laxin.poster.title}") String title) {
        this.invites = invites;
        this.title = title;
    }

    public byte[] handle(RenderPosterCommand command) {
        Invite invite = invites.issue(command.campaignId(), command.userId(), Invites.POSTER_CHANNEL);
        return renderer.render(new PosterSpec(title, invite.code(), invite.shareLink()), command.format());
    }
}
