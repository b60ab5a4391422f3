package io.laxin.kernel.api;

import java.util.Optional;

/**
 * How a message that only claims something is checked with the service that owns the fact before its consumer acts
 * (events carry facts, their owner holds them: ADR 0006): the read of what the owner holds, the owner's refusal that
 * means it holds nothing, and whether what it holds stands by the claim. The owner's api jar offers one over its own
 * client interface; the kernel's {@code Confirmations.confirmed} runs it, so every consumer of the message checks it
 * the same way.
 *
 * @param <C> the claim: the message
 * @param <T> what the owner holds for it
 */
public interface Confirmation<C, T> {

    /** The owner's refusal that means it holds nothing for a claim (its "no such thing"). */
    ErrorCode absent();

    /** The read, in words, for logs and errors: e.g. {@code Reading risk case 7 from antifraud-service}. */
    String describe(C claim);

    /** Reads what the owner holds for {@code claim}: a remote call. */
    T read(C claim);

    /**
     * Why the owner does not stand by {@code claim}, given what it holds for it ({@code null}: nothing); empty when
     * it does.
     */
    Optional<String> disagreement(C claim, T held);
}
