package io.laxin.invite.code.web;

import io.laxin.invite.code.application.IssueInviteCommand;
import io.laxin.invite.code.application.IssuingInvite;
import io.laxin.invite.code.domain.Channel;
import io.laxin.kernel.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** End users: my invite code and share link. */
@Tag(name = "Invites (end users)")
@RestController
public class MyInviteController {

    private final IssuingInvite issuing;

    public MyInviteController(IssuingInvite issuing) {
        this.issuing = issuing;
    }

    @Operation(
            summary = "My invite code and share link for a campaign",
            description = "Created on first ask; the same code every time after. `channel` tags the link "
                    + "(poster, link, moments, group, private, qr; default link).")
    @GetMapping("/api/v1/invites/mine")
    public InviteResponse mine(
            Caller caller, @RequestParam long campaignId, @RequestParam(defaultValue = "link") String channel) {
        return InviteResponse.of(
                issuing.handle(new IssueInviteCommand(campaignId, caller.requireUser(), Channel.parse(channel))));
    }
}
