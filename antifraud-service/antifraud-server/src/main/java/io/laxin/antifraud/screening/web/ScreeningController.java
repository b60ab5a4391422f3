package io.laxin.antifraud.screening.web;

import io.laxin.antifraud.api.ScreeningApi;
import io.laxin.antifraud.api.dto.ReasonDTO;
import io.laxin.antifraud.api.dto.ScreeningDecisionDTO;
import io.laxin.antifraud.api.dto.ScreeningRequestDTO;
import io.laxin.antifraud.api.dto.Verdict;
import io.laxin.antifraud.screening.application.ScreenRegistrationCommand;
import io.laxin.antifraud.screening.application.ScreeningRegistration;
import io.laxin.antifraud.screening.domain.Assessment;
import io.laxin.antifraud.screening.domain.RegistrationFacts;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.CallerKind;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The internal screening endpoint (service callers only), guarded by Sentinel. */
@RestController
public class ScreeningController {

    private final ScreeningRegistration screening;
    private final ScreeningGuard guard;

    public ScreeningController(ScreeningRegistration screening, ScreeningGuard guard) {
        this.screening = screening;
        this.guard = guard;
    }

    @Operation(
            summary = "Screen one registration (internal, service identity)",
            description = "Answers PASS / REVIEW / REJECT with a 0–100 score and the rules that fired (rule id, what "
                    + "was seen, threshold). 429 SCREENING_OVERLOADED / 503 SCREENING_DEGRADED when Sentinel sheds "
                    + "load; callers then hold the registration for REVIEW.")
    @PostMapping(ScreeningApi.PATH)
    public ScreeningDecisionDTO screen(Caller caller, @Valid @RequestBody ScreeningRequestDTO request) {
        caller.requireKind(CallerKind.SERVICE);
        RegistrationFacts facts = facts(request);
        ScreeningRegistration.Decision decision =
                guard.guard(() -> screening.handle(new ScreenRegistrationCommand(facts)));
        return new ScreeningDecisionDTO(
                decision.screeningId(),
                Verdict.valueOf(decision.assessment().verdict().name()),
                decision.assessment().score(),
                reasons(decision.assessment().findings()));
    }

    static RegistrationFacts facts(ScreeningRequestDTO r) {
        return new RegistrationFacts(
                r.campaignId(),
                r.referrerUserId(),
                r.inviteeUserId(),
                r.referrerDeviceId(),
                r.inviteeDeviceId(),
                r.referrerPhoneHash(),
                r.inviteePhoneHash(),
                r.ip(),
                r.userAgent(),
                r.touchedAt(),
                r.registeredAt(),
                r.referrerOpenid(),
                r.referrerUnionid(),
                r.inviteeOpenid(),
                r.inviteeUnionid(),
                r.inviteePhonePrefix(),
                Boolean.TRUE.equals(r.emulator()),
                Boolean.TRUE.equals(r.rooted()),
                r.inviteeOpenidFirstSeenAt(),
                r.contestedByUserId());
    }

    static List<ReasonDTO> reasons(List<Assessment.Finding> findings) {
        return findings.stream()
                .map(f -> new ReasonDTO(f.ruleId(), f.detail(), f.weight(), f.observed(), f.threshold()))
                .toList();
    }
}
