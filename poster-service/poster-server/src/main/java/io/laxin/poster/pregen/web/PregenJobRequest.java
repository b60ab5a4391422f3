package io.laxin.poster.pregen.web;

import java.util.List;

/**
 * A pre-generation job: the campaign's top referrers (at most 1000), each with the nickname and avatar to draw.
 *
 * @param templateVersion the version to render, the latest when null
 * @param format          jpeg (default) or png — the format clients will ask for, or the cache will not match
 */
public record PregenJobRequest(Long campaignId, Long templateId, Integer templateVersion, String format,
                               List<User> users) {

    public record User(String userId, String nickname, String avatarUrl) {
    }
}
