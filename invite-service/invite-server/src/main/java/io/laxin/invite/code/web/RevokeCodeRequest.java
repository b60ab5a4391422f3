package io.laxin.invite.code.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why the code is revoked (kept with the code and sent in its CODE_REVOKED event). */
@Schema(example = """
        {"reason":"Posted on a coupon-sharing site"}""")
public record RevokeCodeRequest(@NotBlank @Size(max = 500) String reason) {}
