package io.laxin.invite.leaderboard.web;

import io.laxin.invite.leaderboard.application.ReadingLeaderboard;
import io.laxin.invite.leaderboard.application.RebuildingLeaderboard;
import io.laxin.kernel.idempotency.IdempotentRequests;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff: read a campaign's leaderboard unmasked; operators rebuild it from MySQL (OPS or ADMIN). */
@Tag(name = "Campaigns (operators)")
@RestController
@Validated
public class LeaderboardAdminController {

    private final RebuildingLeaderboard rebuilding;
    private final ReadingLeaderboard reading;
    private final IdempotentRequests idempotency;

    public LeaderboardAdminController(
            RebuildingLeaderboard rebuilding, ReadingLeaderboard reading, IdempotentRequests idempotency) {
        this.rebuilding = rebuilding;
        this.reading = reading;
        this.idempotency = idempotency;
    }

    /** One place on the board as staff see it: the referrer's user id, unmasked. */
    public record StaffPlace(int rank, String referrerUserId, long invitees) {}

    @Operation(
            summary = "A campaign's top referrers by attributed invitees, with their user ids (staff)",
            description = "The board end users see masked; ties go to whoever got there first.")
    @GetMapping("/api/v1/admin/campaigns/{campaignId}/leaderboard")
    public List<StaffPlace> top(
            Caller caller,
            @PathVariable long campaignId,
            @RequestParam(defaultValue = "10") @Min(1) @Max(ReadingLeaderboard.MAX) int top) {
        caller.requireStaff(Role.OPS, Role.FINANCE);
        return reading.top(campaignId, top).stream()
                .map(e -> new StaffPlace(e.rank(), e.referrerUserId(), e.invitees()))
                .toList();
    }

    @Operation(
            summary = "Rebuild a campaign's leaderboard from the attributed referrals",
            description = "Counts every ATTRIBUTED referral (so referrals rejected after attribution drop out), ties "
                    + "to whoever reached the count first; built aside in Redis and swapped in atomically, so readers "
                    + "never see half a board. Also done by itself when Redis lost the board. Safe to repeat; an "
                    + "Idempotency-Key replays the first answer.")
    @PostMapping("/api/v1/admin/campaigns/{campaignId}/leaderboard/rebuild")
    public RebuildingLeaderboard.Rebuilt rebuild(
            Caller caller,
            @PathVariable long campaignId,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key) {
        caller.requireStaff(Role.OPS);
        return rebuilding.handle(
                campaignId,
                IdempotentRequests.Answer.as(
                        idempotency.key("leaderboard.rebuild:" + caller.id(), key, Map.of("campaignId", campaignId)),
                        RebuildingLeaderboard.Rebuilt.class));
    }
}
