package io.laxin.invite.identity.web;

import io.laxin.kernel.web.DeviceId;
import io.laxin.kernel.web.ExternalId;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

@Schema(example = """
        {"userId":"u-1001","registeredAt":"2025-06-01T08:00:00Z","deviceId":"dev-9f2","phone":"13812341234",
         "openid":"oAbc123","unionid":"uXyz789"}""")
public record IdentityRequest(
        @NotBlank @ExternalId String userId,
        @NotNull Instant registeredAt,
        @DeviceId String deviceId,
        @Size(max = 20) String phone,
        @Size(max = 64) String openid,
        @Size(max = 64) String unionid) {}
