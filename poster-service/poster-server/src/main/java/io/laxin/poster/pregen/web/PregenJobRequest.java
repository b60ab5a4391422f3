package io.laxin.poster.pregen.web;

import java.util.List;

/**
 * A pre-generation job: users named here (each with the nickname and avatar to draw), the campaign's {@code top}
 * referrers as invite-service ranks them, or both; at most 1000 users in all.
 *
 * @param templateVersion the version to render, the latest when null
 * @param format          jpeg (default) or png — the format clients will ask for, or the cache will not match
 * @param top             how many of the campaign's top referrers to add (1..1000), or null
 */
public record PregenJobRequest(
        Long campaignId, Long templateId, Integer templateVersion, String format, List<User> users, Integer top) {

    public record User(String userId, String nickname, String avatarUrl) {}
}
