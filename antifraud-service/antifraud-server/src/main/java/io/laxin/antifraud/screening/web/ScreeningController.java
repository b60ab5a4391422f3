package io.laxin.antifraud.screening.web;

import io.laxin.antifraud.api.ScreeningApi;
import io.laxin.antifraud.api.dto.ReasonDTO;
import io.laxin.antifraud.api.dto.ScreeningDecisionDTO;
import io.laxin.antifraud.api.dto.ScreeningRequestDTO;
import io.laxin.antifraud.api.dto.Verdict;
import io.laxin.antifraud.screening.application.ScreenRegistrationCommand;
import io.laxin.antifraud.screening.application.ScreeningRegistration;
import io.laxin.antifraud.screening.domain.RegistrationFacts;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.CallerKind;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The internal screening endpoint (service callers only). */
@RestController
public class ScreeningController {

    private final ScreeningRegistration screening;

    public ScreeningController(ScreeningRegistration screening) {
        this.screening = screening;
    }

    @Operation(summary = "Screen one registration (internal, service identity)",
            description = "Answers PASS / REVIEW / REJECT with a 0–100 score and the rules that fired.")
    @PostMapping(ScreeningApi.PATH)
    public ScreeningDecisionDTO screen(Caller caller, @Valid @RequestBody ScreeningRequestDTO request) {
        caller.requireKind(CallerKind.SERVICE);
        RegistrationFacts facts = new RegistrationFacts(request.campaignId(), request.referrerUserId(),
                request.inviteeUserId(), request.referrerDeviceId(), request.inviteeDeviceId(),
                request.referrerPhoneHash(), request.inviteePhoneHash(), request.ip(), request.userAgent(),
                request.touchedAt(), request.registeredAt());
        ScreeningRegistration.Decision decision = screening.handle(new ScreenRegistrationCommand(facts));
        return new ScreeningDecisionDTO(decision.screeningId(),
                Verdict.valueOf(decision.assessment().verdict().name()), decision.assessment().score(),
                decision.assessment().findings().stream()
                        .map(f -> new ReasonDTO(f.ruleId(), f.detail(), f.weight())).toList());
    }
}
