package io.laxin.antifraud.screening.web;

import io.laxin.antifraud.api.dto.ReasonDTO;
import io.laxin.antifraud.screening.application.ExplainingScreening;
import io.laxin.antifraud.screening.domain.RegistrationFacts;
import io.laxin.antifraud.screening.domain.Screenings;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Explains a stored screening to staff: the verdict, the score, each reason and the inputs it was made on. */
@RestController
public class ScreeningAdminController {

    private final ExplainingScreening explaining;

    public ScreeningAdminController(ExplainingScreening explaining) {
        this.explaining = explaining;
    }

    public record ScreeningExplanationResponse(
            String screeningId,
            long campaignId,
            String referrerUserId,
            String inviteeUserId,
            String verdict,
            int score,
            List<ReasonDTO> reasons,
            RegistrationFacts inputs,
            Instant decidedAt) {}

    @Operation(summary = "Explain one screening (staff OPS)")
    @GetMapping("/api/v1/admin/risk/screenings/{id}")
    public ScreeningExplanationResponse explain(Caller caller, @PathVariable String id) {
        caller.requireStaff(Role.OPS);
        Screenings.Stored s = explaining.require(id);
        return new ScreeningExplanationResponse(
                s.id(),
                s.facts().campaignId(),
                s.facts().referrerUserId(),
                s.facts().inviteeUserId(),
                s.assessment().verdict().name(),
                s.assessment().score(),
                ScreeningController.reasons(s.assessment().findings()),
                s.facts(),
                s.decidedAt());
    }
}
