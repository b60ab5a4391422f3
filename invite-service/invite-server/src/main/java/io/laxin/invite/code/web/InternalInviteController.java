package io.laxin.invite.code.web;

import io.laxin.invite.api.InviteApi;
import io.laxin.invite.api.dto.InviteDTO;
import io.laxin.invite.api.dto.IssueInviteRequestDTO;
import io.laxin.invite.code.application.IssueInviteCommand;
import io.laxin.invite.code.application.IssuedInvite;
import io.laxin.invite.code.application.IssuingInvite;
import io.laxin.invite.code.domain.Channel;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.CallerKind;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Sibling services (poster-service): a user's invite, by service identity. */
@RestController
public class InternalInviteController {

    private final IssuingInvite issuing;

    public InternalInviteController(IssuingInvite issuing) {
        this.issuing = issuing;
    }

    @Operation(summary = "A user's invite for a campaign (internal, service identity)")
    @PostMapping(InviteApi.ISSUE_PATH)
    public InviteDTO issue(Caller caller, @Valid @RequestBody IssueInviteRequestDTO request) {
        caller.requireKind(CallerKind.SERVICE);
        IssuedInvite i = issuing.handle(
                new IssueInviteCommand(request.campaignId(), request.userId(), Channel.parse(request.channel())));
        return new InviteDTO(
                i.campaignId(), i.userId(), i.code(), i.shareLink(), i.miniProgramPage(), i.campaignName());
    }
}
