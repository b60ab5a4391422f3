package io.laxin.antifraud.screening.application;

import io.laxin.antifraud.api.AntifraudErrorCode;
import io.laxin.antifraud.screening.domain.ConfigVersions;
import io.laxin.antifraud.screening.domain.DecisionThresholds;
import io.laxin.antifraud.screening.domain.RiskList;
import io.laxin.antifraud.screening.domain.RuleBook;
import io.laxin.antifraud.screening.domain.RuleId;
import io.laxin.antifraud.screening.domain.RuleSetting;
import io.laxin.antifraud.screening.domain.RuleSettings;
import io.laxin.kernel.error.LaxinException;
import io.laxin.kernel.idempotency.IdempotentRequests;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Use cases of the rule admin API: change a rule's setting or the decision thresholds of a campaign (0 = global),
 * add or remove list entries. Each change is stored with its audit row (who, when, old → new) in one transaction,
 * then the shared config version is bumped so every replica's next screening uses it.
 */
@Service
public class ChangingRules {

    private final RuleSettings store;
    private final RuleBooks books;
    private final ConfigVersions versions;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final IdempotentRequests idempotency;

    public ChangingRules(
            RuleSettings store,
            RuleBooks books,
            ConfigVersions versions,
            TransactionTemplate tx,
            Clock clock,
            IdempotentRequests idempotency) {
        this.store = store;
        this.books = books;
        this.versions = versions;
        this.tx = tx;
        this.clock = clock;
        this.idempotency = idempotency;
    }

    public record RuleChange(Boolean enabled, Integer weight, Long threshold, String params) {}

    public static RuleId ruleId(String name) {
        return Arrays.stream(RuleId.values())
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new LaxinException(
                        AntifraudErrorCode.RULE_NOT_FOUND,
                        "No rule " + name + "; rules are " + Arrays.toString(RuleId.values())));
    }

    public RuleBook effective(long campaignId) {
        return books.fresh(campaignId);
    }

    public RuleSetting changeRule(long campaignId, RuleId id, RuleChange change, String by) {
        requireCampaign(campaignId);
        RuleSetting current = books.fresh(campaignId).setting(id);
        RuleSetting next = new RuleSetting(
                id,
                change.enabled() == null ? current.enabled() : change.enabled(),
                change.weight() == null ? current.weight() : change.weight(),
                change.threshold() == null ? current.threshold() : change.threshold(),
                change.params() == null ? current.params() : change.params());
        next.problem().ifPresent(p -> {
            throw new LaxinException(AntifraudErrorCode.RULE_SETTING_INVALID, p);
        });
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> {
            store.save(campaignId, next, by, now);
            store.audit(campaignId, "rule " + id, current.toString(), next.toString(), by, now);
        });
        changed();
        return next;
    }

    public DecisionThresholds changeThresholds(long campaignId, DecisionThresholds next, String by) {
        requireCampaign(campaignId);
        next.problem().ifPresent(p -> {
            throw new LaxinException(AntifraudErrorCode.THRESHOLDS_INVALID, p);
        });
        DecisionThresholds current = books.fresh(campaignId).thresholds();
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> {
            store.saveThresholds(campaignId, next, by, now);
            store.audit(campaignId, "decision thresholds", current.toString(), next.toString(), by, now);
        });
        changed();
        return next;
    }

    /**
     * Adds the entry once per Idempotency-Key: a replay answers the first answer; otherwise the key and the answer
     * are recorded in the transaction that stores the entry and its audit row, and the version is bumped after it.
     */
    public <A> A addListEntry(
            RiskList.Kind kind,
            RiskList.SubjectType type,
            String value,
            String reason,
            Instant expiresAt,
            String by,
            IdempotentRequests.Answer<RiskList, A> answer) {
        Optional<A> earlier = idempotency.earlier(answer);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (value == null || value.isBlank() || value.length() > 128) {
            throw new LaxinException(AntifraudErrorCode.LIST_ENTRY_INVALID, "value must be 1–128 characters");
        }
        if (type == RiskList.SubjectType.CIDR && !io.laxin.antifraud.screening.domain.Ipv4.isCidr(value)) {
            throw new LaxinException(AntifraudErrorCode.LIST_ENTRY_INVALID, value + " is not an IPv4 CIDR (a.b.c.d/n)");
        }
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new LaxinException(AntifraudErrorCode.LIST_ENTRY_INVALID, "expiresAt must be in the future");
        }
        A entry = tx.execute(s -> idempotency.once(answer, () -> {
            RiskList draft = new RiskList(0, kind, type, value.trim(), reason, expiresAt, by, now);
            long id = store.addListEntry(draft);
            store.audit(
                    0,
                    "list " + kind + " " + type,
                    null,
                    value.trim() + " until " + (expiresAt == null ? "forever" : expiresAt) + " (entry " + id + ")",
                    by,
                    now);
            return new RiskList(id, kind, type, value.trim(), reason, expiresAt, by, now);
        }));
        changed();
        return entry;
    }

    public void removeListEntry(long id, String by) {
        RiskList entry = store.findListEntry(id)
                .orElseThrow(() -> new LaxinException(AntifraudErrorCode.LIST_ENTRY_NOT_FOUND, "No list entry " + id));
        Instant now = clock.instant();
        boolean removed = Boolean.TRUE.equals(tx.execute(s -> {
            boolean r = store.removeListEntry(id, now);
            if (r) {
                store.audit(
                        0,
                        "list " + entry.kind() + " " + entry.subjectType(),
                        entry.value() + " (entry " + id + ")",
                        null,
                        by,
                        now);
            }
            return r;
        }));
        if (removed) {
            changed();
        }
    }

    public List<RiskList> lists() {
        return store.activeLists(clock.instant());
    }

    public List<RuleSettings.ConfigChange> audit(Long campaignId, int limit) {
        return store.changes(campaignId, Math.max(1, Math.min(limit, 500)));
    }

    private static void requireCampaign(long campaignId) {
        if (campaignId < 0) {
            throw new LaxinException(
                    AntifraudErrorCode.RULE_SETTING_INVALID, "campaignId must be 0 (global) or a campaign id");
        }
    }

    private void changed() {
        books.invalidate();
        versions.bump();
    }
}
