package io.laxin.antifraud.api.dto;

/** PASS binds and rewards; REVIEW holds for an operator; REJECT refuses. A fallback is always REVIEW, never PASS. */
public enum Verdict {
    PASS,
    REVIEW,
    REJECT
}
