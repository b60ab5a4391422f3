package io.laxin.invite.referral.web;

import io.laxin.invite.shared.IpLiterals;
import io.laxin.kernel.web.DeviceId;
import io.laxin.kernel.web.ExternalId;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

@Schema(example = """
        {"campaignId":1,"inviteeUserId":"u-1002","inviteCode":"K7M3Q9XA","deviceId":"dev-9f2",
         "phone":"13812341234","openid":"oAbc123","unionid":"uXyz789","ip":"203.0.113.7",
         "registeredAt":"2026-11-25T08:00:00Z","client":{"emulator":false,"rooted":false}}""")
public record RegistrationRequest(
        @NotNull Long campaignId,
        @NotBlank @ExternalId String inviteeUserId,
        @Size(max = 16) String inviteCode,
        @DeviceId String deviceId,
        @Size(max = 20) String phone,
        @Size(max = 64) String openid,
        @Size(max = 64) String unionid,
        @Size(max = 45) String ip,
        @Size(max = 255) String userAgent,
        Instant registeredAt,

        @Schema(description = "what the host's app saw of the invitee's device, passed to risk screening; optional")
        ClientFlags client) {

    /** The client's own checks of the device; each null when it did not check. */
    public record ClientFlags(Boolean emulator, Boolean rooted) {}

    /** An IP must be written as an address (IPv4 or IPv6), or left out. */
    @AssertTrue(message = "ip must be an IPv4 or IPv6 address")
    @Schema(hidden = true)
    public boolean isIpAnAddress() {
        return ip == null || IpLiterals.valid(ip);
    }

    Boolean emulator() {
        return client == null ? null : client.emulator();
    }

    Boolean rooted() {
        return client == null ? null : client.rooted();
    }
}
