package io.laxin.kernel.messaging;

import io.laxin.kernel.api.Confirmation;
import io.laxin.kernel.remote.RemoteProblems;
import java.util.Optional;

/**
 * The one way a consumer checks a message that only claims something with the service that owns the fact (ADR 0006),
 * before its use case's transaction opens: it acts on what the owner holds, never on what the message says.
 */
public final class Confirmations {

    private Confirmations() {}

    /**
     * What the owner holds for {@code claim}, read with no transaction open ({@link RemoteProblems#absentOn}).
     *
     * @throws IgnoredMessage when the owner holds nothing for the claim or does not stand by it: the message is
     *     acknowledged and ignored, as retrying cannot make it true. Every other failure of the read (the owner down,
     *     slow, a 5xx, another refusal) is thrown as it is, so the delivery fails and the message comes again.
     */
    public static <C, T> T confirmed(Confirmation<C, T> confirmation, C claim) {
        T held = RemoteProblems.absentOn(
                        confirmation.absent(), confirmation.describe(claim), () -> confirmation.read(claim))
                .orElse(null);
        Optional<String> why = confirmation.disagreement(claim, held);
        if (why.isPresent()) {
            throw new IgnoredMessage(why.get());
        }
        return held;
    }
}
