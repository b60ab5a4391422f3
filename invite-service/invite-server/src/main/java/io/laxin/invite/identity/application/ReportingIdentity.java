package io.laxin.invite.identity.application;

import io.laxin.invite.identity.domain.Identities;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use case: record a host user's identifiers (for self-referral and duplicate-account checks). */
@Service
public class ReportingIdentity {

    private final Identities identities;
    private final UserIdentifiers identifiers;

    public ReportingIdentity(Identities identities, UserIdentifiers identifiers) {
        this.identities = identities;
        this.identifiers = identifiers;
    }

    @Transactional
    public void handle(ReportIdentityCommand c) {
        UserIdentifiers.Reported reported = identifiers.of(c.deviceId(), c.phone(), c.openid(), c.unionid());
        identities.markKnown(c.userId(), c.registeredAt(), reported.maskedPhone());
        identities.link(c.userId(), reported.identifiers(), c.registeredAt());
    }
}
