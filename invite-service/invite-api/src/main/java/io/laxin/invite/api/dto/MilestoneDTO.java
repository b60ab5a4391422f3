package io.laxin.invite.api.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** A bonus for the referrer's {@code nth} attributed invitee in a campaign (e.g. the 3rd and the 10th). */
public record MilestoneDTO(
        @Positive @Max(100_000) int nth, @NotNull @Valid RewardSpecDTO reward) {}
