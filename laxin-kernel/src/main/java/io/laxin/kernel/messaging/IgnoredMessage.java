package io.laxin.kernel.messaging;

/**
 * Thrown by a consumer for a message it acknowledges without acting on: the message states something its owner does
 * not confirm (ADR 0006 — e.g. a fraud verdict antifraud-service never gave), so retrying cannot make it true.
 * {@link MessageDelivery} logs it as a WARN, counts it in {@value MessageDelivery#IGNORED_METRIC} and acknowledges
 * it; it is neither redelivered nor parked. Throw it before the use case's transaction: nothing has been written.
 */
public class IgnoredMessage extends RuntimeException {

    public IgnoredMessage(String why) {
        super(why);
    }
}
