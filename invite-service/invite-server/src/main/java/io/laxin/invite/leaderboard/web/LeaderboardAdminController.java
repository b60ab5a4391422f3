package io.laxin.invite.leaderboard.web;

import io.laxin.invite.leaderboard.application.RebuildingLeaderboard;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import io.laxin.kernel.idempotency.IdempotentRequests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Operators: rebuild a campaign's leaderboard from MySQL (OPS or ADMIN). */
@Tag(name = "Campaigns (operators)")
@RestController
public class LeaderboardAdminController {

    private final RebuildingLeaderboard rebuilding;
    private final IdempotentRequests idempotency;

    public LeaderboardAdminController(RebuildingLeaderboard rebuilding, IdempotentRequests idempotency) {
        this.rebuilding = rebuilding;
        this.idempotency = idempotency;
    }

    @Operation(summary = "Rebuild a campaign's leaderboard from the attributed referrals",
            description = "Counts every ATTRIBUTED referral (so referrals rejected after attribution drop out), ties "
                    + "to whoever reached the count first; built aside in Redis and swapped in atomically, so readers "
                    + "never see half a board. Also done by itself when Redis lost the board. Safe to repeat; an "
                    + "Idempotency-Key replays the first answer.")
    @PostMapping("/api/v1/admin/campaigns/{campaignId}/leaderboard/rebuild")
    public RebuildingLeaderboard.Rebuilt rebuild(Caller caller, @PathVariable long campaignId,
                                                 @RequestHeader(name = IdempotentRequests.HEADER, required = false)
                                                 String key) {
        caller.requireStaff(Role.OPS);
        return idempotency.execute("leaderboard.rebuild:" + caller.id(), key, Map.of("campaignId", campaignId),
                RebuildingLeaderboard.Rebuilt.class, () -> rebuilding.handle(campaignId));
    }
}
