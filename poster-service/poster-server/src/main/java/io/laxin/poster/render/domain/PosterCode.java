package io.laxin.poster.render.domain;

import io.laxin.poster.template.domain.Layout;

/**
 * What a poster's code box holds: a QR code of the share link, or a WeChat mini-program code that opens
 * {@code page} with {@code scene} (the invite code and channel).
 *
 * <p>The campaign decides: when invite-service says the campaign has a mini-program page, the code is a
 * mini-program code for that page. A campaign without one gets the QR code of its share link, unless the template
 * itself asks for a mini-program code ({@code kind: MINI_PROGRAM}, opening the template's page or WeChat's default
 * page) — how mini-program posters were configured before campaigns carried their page.
 *
 * @param page the mini-program page, or null for WeChat's default page (mini-program codes only)
 */
public record PosterCode(String shareLink, MiniProgramScene scene, String page) {

    /** The code for a template's code box ({@code box} null: the built-in poster, which follows the campaign only). */
    public static PosterCode of(Invite invite, Layout.QrBox box) {
        if (invite.miniProgramPage() != null) {
            return new PosterCode(
                    null, MiniProgramScene.of(invite.code(), Invites.POSTER_CHANNEL), invite.miniProgramPage());
        }
        if (box != null && box.kind() == Layout.CodeKind.MINI_PROGRAM) {
            return new PosterCode(
                    null, MiniProgramScene.of(invite.code(), Invites.POSTER_CHANNEL), box.miniProgramPage());
        }
        return new PosterCode(invite.shareLink(), null, null);
    }

    public boolean miniProgram() {
        return scene != null;
    }

    /** What decides the code's pixels, for the poster's content key. */
    public String content() {
        return miniProgram() ? "wxa:" + scene.value() + ":" + page : shareLink;
    }
}
