package io.laxin.kernel.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import feign.FeignException;
import feign.Request;
import feign.Response;
import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.api.Confirmation;
import io.laxin.kernel.api.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A claimed message is acted on as its owner holds it, ignored when the owner does not, retried when it cannot say. */
class ConfirmationsTest {

    /** The claim: "thing {id} is {state}"; the owner holds states by id. */
    record Claim(long id, String state) {}

    record Owner(Function<Long, String> read) implements Confirmation<Claim, String> {

        @Override
        public ErrorCode absent() {
            return CommonErrorCode.NOT_FOUND;
        }

        @Override
        public String describe(Claim claim) {
            return "Reading thing " + claim.id();
        }

        @Override
        public String read(Claim claim) {
            return read.apply(claim.id());
        }

        @Override
        public Optional<String> disagreement(Claim claim, String held) {
            if (held == null) {
                return Optional.of("no thing " + claim.id());
            }
            return held.equals(claim.state()) ? Optional.empty() : Optional.of("thing " + claim.id() + " is " + held);
        }
    }

    @Test
    void shouldAnswerWhatTheOwnerHoldsWhenItStandsByTheClaim() {
        assertThat(Confirmations.confirmed(new Owner(id -> "DONE"), new Claim(7, "DONE")))
                .isEqualTo("DONE");
    }

    @Test
    void shouldIgnoreAClaimTheOwnerDoesNotStandBy() {
        assertThatThrownBy(() -> Confirmations.confirmed(new Owner(id -> "OPEN"), new Claim(7, "DONE")))
                .isInstanceOf(IgnoredMessage.class)
                .hasMessage("thing 7 is OPEN");
    }

    @Test
    void shouldIgnoreAClaimTheOwnerHoldsNothingFor() {
        assertThatThrownBy(() -> Confirmations.confirmed(refusing(CommonErrorCode.NOT_FOUND), new Claim(7, "DONE")))
                .isInstanceOf(IgnoredMessage.class)
                .hasMessage("no thing 7");
    }

    @Test
    void shouldFailSoTheMessageComesAgainWhenTheOwnerCannotSay() {
        assertThatThrownBy(
                        () -> Confirmations.confirmed(refusing(CommonErrorCode.INTERNAL_ERROR), new Claim(7, "DONE")))
                .isInstanceOf(FeignException.class)
                .isNotInstanceOf(IgnoredMessage.class);
    }

    /** An owner whose every read is refused with {@code code}, as a problem+json answer. */
    private static Owner refusing(ErrorCode code) {
        return new Owner(id -> {
            throw refusal(code);
        });
    }

    private static FeignException refusal(ErrorCode code) {
        Request request =
                Request.create(Request.HttpMethod.GET, "/things/7", Map.of(), null, StandardCharsets.UTF_8, null);
        Response response = Response.builder()
                .status(code.status())
                .reason(code.title())
                .request(request)
                .headers(Map.of())
                .body("{\"code\":\"" + code.name() + "\"}", StandardCharsets.UTF_8)
                .build();
        return FeignException.errorStatus("Things#read", response);
    }
}
