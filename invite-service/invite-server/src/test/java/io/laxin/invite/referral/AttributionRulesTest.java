package io.laxin.invite.referral;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.invite.campaign.domain.BindingMode;
import io.laxin.invite.identity.domain.Identifier;
import io.laxin.invite.identity.domain.IdentifierKind;
import io.laxin.invite.referral.domain.AttributionRules;
import io.laxin.invite.touch.domain.DeviceTouch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttributionRulesTest {

    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant TOUCH = Instant.parse("2026-11-10T12:00:00Z");
    private static final Optional<DeviceTouch> FIRST = Optional.of(new DeviceTouch("FIRSTAAA", TOUCH, "poster"));
    private static final Optional<DeviceTouch> LAST =
            Optional.of(new DeviceTouch("LASTBBBB", TOUCH.plusSeconds(60), "group"));

    private static AttributionRules.Facts facts(
            Map<Identifier, String> owners,
            List<String> chain,
            Optional<Instant> knownSince,
            Instant touchedAt,
            Instant registeredAt) {
        return new AttributionRules.Facts(
                "alice", "bob", owners, chain, knownSince, START, touchedAt, registeredAt, Duration.ofDays(7));
    }

    @Test
    void shouldChooseTheCodePerBindingMode() {
        assertThat(AttributionRules.choose(BindingMode.FIRST_TOUCH, "REPORTED", FIRST, LAST)
                        .orElseThrow()
                        .code())
                .isEqualTo("FIRSTAAA");
        assertThat(AttributionRules.choose(BindingMode.LAST_TOUCH, "REPORTED", FIRST, LAST)
                        .orElseThrow()
                        .code())
                .isEqualTo("LASTBBBB");
        assertThat(AttributionRules.choose(BindingMode.CODE_AT_REGISTRATION, "REPORTED", FIRST, LAST)
                        .orElseThrow()
                        .code())
                .isEqualTo("REPORTED");
        assertThat(AttributionRules.choose(BindingMode.FIRST_TOUCH, "REPORTED", Optional.empty(), Optional.empty())
                        .orElseThrow()
                        .touchedAt())
                .isNull();
        assertThat(AttributionRules.choose(BindingMode.CODE_AT_REGISTRATION, null, FIRST, LAST))
                .isEmpty();
    }

    @Test
    void shouldKeepTheTouchTimeOfAReportedCodeTheDeviceOpened() {
        var source = AttributionRules.choose(BindingMode.CODE_AT_REGISTRATION, "FIRSTAAA", FIRST, LAST)
                .orElseThrow();
        assertThat(source.touchedAt()).isEqualTo(TOUCH);
    }

    @Test
    void shouldPassANewInviteeWithinTheWindow() {
        assertThat(AttributionRules.refusal(
                        facts(Map.of(), List.of(), Optional.empty(), TOUCH, TOUCH.plus(Duration.ofDays(7)))))
                .isEmpty();
    }

    @Test
    void shouldRefuseEachReasonWithItsRuleId() {
        Identifier phone = new Identifier(IdentifierKind.PHONE, "h1");
        assertThat(AttributionRules.refusal(facts(Map.of(phone, "alice"), List.of(), Optional.empty(), null, TOUCH)))
                .hasValueSatisfying(
                        r -> assertThat(r).startsWith("SELF_REFERRAL").contains("phone"));
        assertThat(AttributionRules.refusal(facts(Map.of(phone, "carol"), List.of(), Optional.empty(), null, TOUCH)))
                .hasValueSatisfying(r -> assertThat(r).startsWith("DUPLICATE_ACCOUNT"));
        assertThat(AttributionRules.refusal(facts(Map.of(phone, "bob"), List.of(), Optional.empty(), null, TOUCH)))
                .isEmpty();
        assertThat(AttributionRules.refusal(facts(Map.of(), List.of("x", "bob"), Optional.empty(), null, TOUCH)))
                .hasValueSatisfying(
                        r -> assertThat(r).startsWith("BINDING_LOOP").contains("2 level"));
        assertThat(AttributionRules.refusal(
                        facts(Map.of(), List.of(), Optional.of(START.minusSeconds(1)), null, TOUCH)))
                .hasValueSatisfying(r -> assertThat(r).startsWith("NOT_NEW"));
        assertThat(AttributionRules.refusal(facts(Map.of(), List.of(), Optional.empty(), TOUCH, TOUCH.minusSeconds(1))))
                .hasValueSatisfying(r -> assertThat(r).startsWith("NOT_NEW"));
        assertThat(AttributionRules.refusal(facts(
                        Map.of(),
                        List.of(),
                        Optional.empty(),
                        TOUCH,
                        TOUCH.plus(Duration.ofDays(7)).plusSeconds(1))))
                .hasValueSatisfying(r -> assertThat(r).startsWith("OUTSIDE_WINDOW"));
    }
}
