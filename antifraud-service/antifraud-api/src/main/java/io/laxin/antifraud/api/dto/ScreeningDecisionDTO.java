package io.laxin.antifraud.api.dto;

import java.util.List;

/**
 * The answer to a screening.
 *
 * @param screeningId id of the stored decision (with its inputs), for explaining it later; null for a fallback
 * @param score       0–100, higher is riskier
 */
public record ScreeningDecisionDTO(String screeningId, Verdict verdict, int score, List<ReasonDTO> reasons) {

    /** What a caller assumes when screening is slow or down: hold for review, never pass. */
    public static ScreeningDecisionDTO unavailable(String why) {
        return new ScreeningDecisionDTO(
                null, Verdict.REVIEW, 0, List.of(new ReasonDTO("SCREENING_UNAVAILABLE", why, 0)));
    }
}
