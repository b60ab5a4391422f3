package io.laxin.invite.api;

import io.laxin.invite.api.dto.InviteDTO;
import io.laxin.invite.api.dto.IssueInviteRequestDTO;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** Internal invite operations for sibling services (poster-service), called through OpenFeign. */
public interface InviteApi {

    String ISSUE_PATH = "/internal/invites";

    /** The user's invite code and share link for a campaign, created on first ask and stable afterwards. */
    @PostMapping(ISSUE_PATH)
    InviteDTO issue(@RequestBody IssueInviteRequestDTO request);
}
