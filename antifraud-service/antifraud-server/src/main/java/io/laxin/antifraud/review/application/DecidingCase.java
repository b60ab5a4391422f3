package io.laxin.antifraud.review.application;

import io.laxin.antifraud.api.AntifraudErrorCode;
import io.laxin.antifraud.review.domain.ReviewCase;
import io.laxin.antifraud.review.domain.ReviewCases;
import io.laxin.antifraud.review.domain.RiskEvents;
import io.laxin.kernel.error.LaxinException;
import io.laxin.kernel.idempotency.IdempotentRequests;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Use case: an operator (or the late analysis, for a confirmed ring) approves or rejects a case. The status change,
 * its audit row and the risk-decided event commit together. Deciding a case again the same way answers the recorded
 * decision (a retry); deciding it the other way is refused (409 CASE_ALREADY_DECIDED).
 */
@Service
public class DecidingCase {

    public enum Decision {
        APPROVE,
        REJECT
    }

    public record Outcome(long caseId, ReviewCase.Status status, boolean changed, String problem) {}

    private final ReviewCases cases;
    private final RiskEvents events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final IdempotentRequests idempotency;

    public DecidingCase(
            ReviewCases cases, RiskEvents events, TransactionTemplate tx, Clock clock, IdempotentRequests idempotency) {
        this.cases = cases;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.idempotency = idempotency;
    }

    /** {@link #decide} once per Idempotency-Key: the key and the answer are recorded in the decision's transaction. */
    public <A> A decide(
            long caseId, Decision decision, String by, String note, IdempotentRequests.Answer<Outcome, A> answer) {
        return tx.execute(s -> idempotency.once(answer, () -> decide(caseId, decision, by, note)));
    }

    /**
     * {@link #decideAll} once per Idempotency-Key: a replay answers the first answer; otherwise each case is decided
     * in its own transaction and the key is recorded with the outcomes in one more.
     */
    public <A> A decideAll(
            List<Long> caseIds,
            Decision decision,
            String by,
            String note,
            IdempotentRequests.Answer<List<Outcome>, A> answer) {
        Optional<A> earlier = idempotency.earlier(answer);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        List<Outcome> outcomes = decideAll(caseIds, decision, by, note);
        return tx.execute(s -> idempotency.once(answer, () -> outcomes));
    }

    public Outcome decide(long caseId, Decision decision, String by, String note) {
        ReviewCase.Status to = decision == Decision.APPROVE ? ReviewCase.Status.APPROVED : ReviewCase.Status.REJECTED;
        Outcome outcome = tx.execute(s -> {
            ReviewCase c = cases.find(caseId)
                    .orElseThrow(
                            () -> new LaxinException(AntifraudErrorCode.CASE_NOT_FOUND, "No review case " + caseId));
            Instant now = clock.instant();
            if (cases.decide(caseId, to, by, note, now)) {
                cases.audit(new ReviewCases.AuditEntry(caseId, decision.name(), by, note, now));
                events.decided(c, decision == Decision.APPROVE, by, now);
                return new Outcome(caseId, to, true, null);
            }
            ReviewCase current = cases.find(caseId).orElseThrow();
            if (current.status() == to) {
                return new Outcome(caseId, to, false, null);
            }
            throw new LaxinException(
                    AntifraudErrorCode.CASE_ALREADY_DECIDED,
                    "Case " + caseId + " was already " + current.status() + " by " + current.decidedBy());
        });
        return outcome;
    }

    /** Decides each case on its own; one refusal does not stop the others. */
    public List<Outcome> decideAll(List<Long> caseIds, Decision decision, String by, String note) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Long id : caseIds) {
            try {
                outcomes.add(decide(id, decision, by, note));
            } catch (LaxinException e) {
                outcomes.add(new Outcome(id, null, false, e.errorCode().name() + ": " + e.getMessage()));
            }
        }
        return outcomes;
    }
}
