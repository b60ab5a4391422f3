package io.laxin.invite.code.web;

import io.laxin.invite.campaign.application.FindingCampaign;
import io.laxin.invite.code.application.RevokeInviteCodeCommand;
import io.laxin.invite.code.application.RevokingInviteCode;
import io.laxin.invite.code.domain.InviteCodes;
import io.laxin.kernel.idempotency.IdempotentRequests;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators: a user's codes in a campaign, and revoking one (OPS or ADMIN). */
@Tag(name = "Campaigns (operators)")
@RestController
@RequestMapping("/api/v1/admin/campaigns/{campaignId}/codes")
public class InviteCodeAdminController {

    private final RevokingInviteCode revoking;
    private final InviteCodes codes;
    private final FindingCampaign campaigns;
    private final IdempotentRequests idempotency;

    public InviteCodeAdminController(
            RevokingInviteCode revoking, InviteCodes codes, FindingCampaign campaigns, IdempotentRequests idempotency) {
        this.revoking = revoking;
        this.codes = codes;
        this.campaigns = campaigns;
        this.idempotency = idempotency;
    }

    @Operation(
            summary = "Revoke an invite code",
            description = "The code stops crediting its owner: its share link lands on the campaign without the "
                    + "code (410 INVITE_CODE_REVOKED when the campaign has no H5 landing URL) and counts no touch, a "
                    + "registration with it answers 410 INVITE_CODE_REVOKED, and the owner's next ask gets a fresh "
                    + "code. Publishes CODE_REVOKED. Revoking it again answers 410. Send an Idempotency-Key to retry "
                    + "safely.")
    @PostMapping("/{code}/revoke")
    public CodeResponse revoke(
            Caller caller,
            @PathVariable long campaignId,
            @PathVariable String code,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @Valid @RequestBody RevokeCodeRequest request) {
        caller.requireStaff(Role.OPS);
        return revoking.handle(
                new RevokeInviteCodeCommand(campaignId, code, request.reason(), caller.id()),
                new IdempotentRequests.Answer<>(
                        idempotency.key("code.revoke:" + caller.id() + ":" + campaignId + ":" + code, key, request),
                        CodeResponse.class,
                        revoked -> codes.allOf(campaignId, revoked.code().userId()).stream()
                                .filter(h ->
                                        h.code().code().equals(revoked.code().code()))
                                .findFirst()
                                .map(CodeResponse::of)
                                .orElseThrow()));
    }

    @Operation(
            summary = "A user's invite codes in a campaign, oldest first",
            description = "Each with its status: ACTIVE (handed out now), RETIRED (replaced by a vanity code, still "
                    + "resolves) or REVOKED (with who, when and why).")
    @GetMapping
    public List<CodeResponse> ofUser(Caller caller, @PathVariable long campaignId, @RequestParam String userId) {
        caller.requireStaff(Role.OPS, Role.FINANCE);
        campaigns.require(campaignId);
        return codes.allOf(campaignId, userId).stream().map(CodeResponse::of).toList();
    }
}
