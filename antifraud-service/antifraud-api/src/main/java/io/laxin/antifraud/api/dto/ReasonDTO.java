package io.laxin.antifraud.api.dto;

/**
 * Why a rule fired: its id, what was seen, and the threshold it was compared with.
 *
 * @param ruleId    stable rule id, e.g. {@code SELF_REFERRAL}
 * @param detail    human explanation of what was seen
 * @param weight    the rule's contribution to the score
 */
public record ReasonDTO(String ruleId, String detail, int weight) {
}
