package io.laxin.invite.code.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of the vanity code endpoints. */
public final class VanityCodeRequests {

    private VanityCodeRequests() {}

    /** A user asks for a vanity code in a campaign. */
    @Schema(example = """
            {"campaignId":1,"code":"LILY2027"}""")
    public record Mine(
            @NotNull Long campaignId,
            @NotBlank @Size(max = 32) String code) {}

    /** An operator asks on a user's behalf. */
    @Schema(example = """
            {"userId":"u-1001","code":"LILY2027"}""")
    public record OnBehalf(
            @NotBlank @Size(max = 64) String userId,
            @NotBlank @Size(max = 32) String code) {}

    /** An operator's note with a decision (required to reject). */
    @Schema(example = """
            {"note":"Looks like a competitor's brand"}""")
    public record Decision(@Size(max = 500) String note) {}
}
