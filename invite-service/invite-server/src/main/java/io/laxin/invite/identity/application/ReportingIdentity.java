package io.laxin.invite.identity.application;

import io.laxin.invite.identity.domain.Identities;
import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.api.ReportedTimes;
import io.laxin.kernel.error.LaxinException;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use case: record a host user's identifiers (for self-referral and duplicate-account checks). */
@Service
public class ReportingIdentity {

    private final Identities identities;
    private final UserIdentifiers identifiers;
    private final Clock clock;

    public ReportingIdentity(Identities identities, UserIdentifiers identifiers, Clock clock) {
        this.identities = identities;
        this.identifiers = identifiers;
        this.clock = clock;
    }

    /** @throws LaxinException 400 VALIDATION_FAILED for a registration time that cannot be; nothing is written */
    @Transactional
    public void handle(ReportIdentityCommand c) {
        if (!ReportedTimes.plausible(c.registeredAt(), clock.instant())) {
            throw new LaxinException(
                    CommonErrorCode.VALIDATION_FAILED, ReportedTimes.why("registeredAt", c.registeredAt()));
        }
        UserIdentifiers.Reported reported = identifiers.of(c.deviceId(), c.phone(), c.openid(), c.unionid());
        identities.markKnown(c.userId(), c.registeredAt(), reported.maskedPhone());
        identities.link(c.userId(), reported.identifiers(), c.registeredAt());
    }
}
