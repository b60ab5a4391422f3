package io.laxin.antifraud.api.event;

/** RocketMQ tags on the risk topic ({@code laxin.topics.risk}). */
public final class RiskEventTags {

    /** A {@link RiskDecidedEvent}. */
    public static final String DECIDED = "RISK_DECIDED";

    private RiskEventTags() {}
}
