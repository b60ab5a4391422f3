package io.laxin.antifraud.api.dto;

/**
 * Why a rule fired: its id, what was seen, and the threshold it was compared with.
 *
 * @param ruleId    stable rule id, e.g. {@code SELF_REFERRAL}
 * @param detail    human explanation of what was seen
 * @param weight    the rule's contribution to the score
 * @param observed  the value seen (a count, seconds, a prefix…), null when the rule is a plain match
 * @param threshold the configured threshold it was compared with, null when the rule has none
 */
public record ReasonDTO(String ruleId, String detail, int weight, String observed, String threshold) {

    /** A reason without observed value and threshold (the original three-field shape). */
    public ReasonDTO(String ruleId, String detail, int weight) {
        this(ruleId, detail, weight, null, null);
    }
}
