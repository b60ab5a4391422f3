package io.laxin.reward.settlement.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Reject a batch, saying why. */
public record RejectSettlementBatchRequest(
        @NotBlank @Size(max = 512) String note) {}
