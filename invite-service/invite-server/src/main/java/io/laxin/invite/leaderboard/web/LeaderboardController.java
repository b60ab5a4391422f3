package io.laxin.invite.leaderboard.web;

import io.laxin.invite.leaderboard.application.ReadingLeaderboard;
import io.laxin.invite.shared.Masks;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.CallerKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Invites (end users)")
@RestController
@Validated
public class LeaderboardController {

    private final ReadingLeaderboard reading;

    public LeaderboardController(ReadingLeaderboard reading) {
        this.reading = reading;
    }

    /** One place on the board; names are masked except the caller's own. */
    public record Place(int rank, String referrer, boolean me, long invitees) {}

    @Operation(
            summary = "A campaign's top referrers by attributed invitees",
            description = "Ties go to whoever got there first. Names are masked (a***e); `me` marks the caller.")
    @GetMapping("/api/v1/campaigns/{campaignId}/leaderboard")
    public List<Place> top(
            Caller caller,
            @PathVariable long campaignId,
            @RequestParam(defaultValue = "10") @Min(1) @Max(ReadingLeaderboard.MAX) int top) {
        caller.requireKind(CallerKind.USER, CallerKind.STAFF);
        return reading.top(campaignId, top).stream()
                .map(e -> new Place(
                        e.rank(),
                        Masks.userId(e.referrerUserId()),
                        e.referrerUserId().equals(caller.id()) && caller.kind() == CallerKind.USER,
                        e.invitees()))
                .toList();
    }
}
