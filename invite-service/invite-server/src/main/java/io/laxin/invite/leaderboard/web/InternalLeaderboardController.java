package io.laxin.invite.leaderboard.web;

import io.laxin.invite.api.InviteApi;
import io.laxin.invite.api.dto.TopReferrerDTO;
import io.laxin.invite.leaderboard.application.ReadingLeaderboard;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.CallerKind;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Sibling services (poster-service's pre-generation): a campaign's top referrers with their real user ids. */
@RestController
@Validated
public class InternalLeaderboardController {

    private final ReadingLeaderboard reading;

    public InternalLeaderboardController(ReadingLeaderboard reading) {
        this.reading = reading;
    }

    @Operation(summary = "A campaign's top referrers, unmasked (internal, service identity)")
    @GetMapping(InviteApi.TOP_REFERRERS_PATH)
    public List<TopReferrerDTO> topReferrers(
            Caller caller,
            @PathVariable long campaignId,
            @RequestParam @Min(1) @Max(InviteApi.TOP_REFERRERS_MAX) int limit) {
        caller.requireKind(CallerKind.SERVICE);
        return reading.top(campaignId, limit, InviteApi.TOP_REFERRERS_MAX).stream()
                .map(e -> new TopReferrerDTO(e.rank(), e.referrerUserId(), e.invitees()))
                .toList();
    }
}
