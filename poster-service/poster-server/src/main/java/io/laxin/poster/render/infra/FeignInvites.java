package io.laxin.poster.render.infra;

import feign.FeignException;
import io.laxin.invite.api.InviteErrorCode;
import io.laxin.invite.api.dto.InviteDTO;
import io.laxin.invite.api.dto.IssueInviteRequestDTO;
import io.laxin.invite.api.dto.TopReferrerDTO;
import io.laxin.kernel.error.LaxinException;
import io.laxin.poster.api.PosterErrorCode;
import io.laxin.poster.render.domain.Invite;
import io.laxin.poster.render.domain.Invites;
import io.laxin.poster.render.domain.TopReferrer;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Invites and top referrers from invite-service. Its refusals about the campaign (no such campaign, not active) reach the caller with
 * invite-service's own code; anything else that goes wrong on the way (down, slow, a 5xx, a refusal of this service's
 * own request) is 503 INVITE_UNAVAILABLE, since the user cannot fix it.
 */
@Component
class FeignInvites implements Invites {

    private static final Logger log = LoggerFactory.getLogger(FeignInvites.class);

    /** invite-service refusals that are about the campaign the user asked for, so they are the user's answer. */
    private static final Set<InviteErrorCode> PASSED_ON =
            EnumSet.of(InviteErrorCode.CAMPAIGN_NOT_FOUND, InviteErrorCode.CAMPAIGN_NOT_ACTIVE);

    private final InviteClient client;
    private final JsonMapper json;

    FeignInvites(InviteClient client, JsonMapper json) {
        this.client = client;
        this.json = json;
    }

    @Override
    public Invite issue(long campaignId, String userId, String channel) {
        InviteDTO dto;
        try {
            dto = client.issue(new IssueInviteRequestDTO(campaignId, userId, channel));
        } catch (FeignException e) {
            throw translate(e, campaignId, "issue an invite");
        }
        if (dto == null || dto.code() == null || dto.shareLink() == null) {
            throw new LaxinException(
                    PosterErrorCode.INVITE_UNAVAILABLE, "invite-service answered without an invite code or share link");
        }
        return new Invite(
                dto.campaignId(), dto.userId(), dto.code(), dto.shareLink(), dto.miniProgramPage(), dto.campaignName());
    }

    @Override
    public List<TopReferrer> topReferrers(long campaignId, int limit) {
        List<TopReferrerDTO> dtos;
        try {
            dtos = client.topReferrers(campaignId, limit);
        } catch (FeignException e) {
            throw translate(e, campaignId, "list the top referrers");
        }
        if (dtos == null || dtos.stream().anyMatch(d -> d == null || d.userId() == null)) {
            throw new LaxinException(
                    PosterErrorCode.INVITE_UNAVAILABLE, "invite-service answered the top referrers without user ids");
        }
        return dtos.stream()
                .map(d -> new TopReferrer(d.rank(), d.userId(), d.invitees()))
                .toList();
    }

    private LaxinException translate(FeignException e, long campaignId, String what) {
        Optional<Problem> problem = problem(e);
        if (e.status() >= 400 && e.status() < 500) {
            Optional<InviteErrorCode> code = problem.flatMap(p -> inviteCode(p.code()))
                    .filter(c -> PASSED_ON.contains(c) && c.status() == e.status());
            if (code.isPresent()) {
                return new LaxinException(code.get(), problem.get().detail());
            }
            if (e.status() == 404) {
                return new LaxinException(InviteErrorCode.CAMPAIGN_NOT_FOUND, "No campaign " + campaignId);
            }
        }
        log.warn(
                "invite-service could not {} for campaign {}: status {}, code {}: {}",
                what,
                campaignId,
                e.status(),
                problem.map(Problem::code).orElse("-"),
                e.getMessage());
        return new LaxinException(
                PosterErrorCode.INVITE_UNAVAILABLE, "invite-service did not answer (" + what + "); try again shortly");
    }

    private Optional<Problem> problem(FeignException e) {
        String body = e.contentUTF8();
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = json.readTree(body);
            JsonNode code = node.get("code");
            JsonNode detail = node.get("detail");
            if (code == null || !code.isString()) {
                return Optional.empty();
            }
            return Optional.of(new Problem(code.asString(), detail == null ? null : detail.asString()));
        } catch (JacksonException notJson) {
            return Optional.empty();
        }
    }

    private static Optional<InviteErrorCode> inviteCode(String name) {
        return Arrays.stream(InviteErrorCode.values())
                .filter(c -> c.name().equals(name))
                .findFirst();
    }

    private record Problem(String code, String detail) {}
}
