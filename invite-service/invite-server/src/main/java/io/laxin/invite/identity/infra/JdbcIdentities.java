package io.laxin.invite.identity.infra;

import io.laxin.invite.identity.domain.Identifier;
import io.laxin.invite.identity.domain.IdentifierKind;
import io.laxin.invite.identity.domain.Identities;
import io.laxin.invite.shared.UtcTimes;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The identity map in {@code identity_link} (unique per identifier) and {@code known_user}. */
@Repository
class JdbcIdentities implements Identities {

    private final JdbcTemplate jdbc;

    JdbcIdentities(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Identifier, String> owners(Collection<Identifier> identifiers) {
        Map<Identifier, String> owners = new HashMap<>();
        for (Identifier id : identifiers) {
            List<String> users = jdbc.queryForList(
                    "SELECT user_id FROM identity_link WHERE kind = ? AND id_key = ?",
                    String.class,
                    id.kind().name(),
                    id.key());
            if (!users.isEmpty()) {
                owners.put(id, users.get(0));
            }
        }
        return owners;
    }

    @Override
    public void link(String userId, Collection<Identifier> identifiers, Instant seenAt) {
        for (Identifier id : identifiers) {
            try {
                jdbc.update(
                        "INSERT INTO identity_link (kind, id_key, user_id, first_seen_at) VALUES (?, ?, ?, ?)",
                        id.kind().name(),
                        id.key(),
                        userId,
                        UtcTimes.toRow(seenAt));
            } catch (DuplicateKeyException firstOwnerKept) {
                // the identifier keeps its first owner
            }
        }
    }

    @Override
    public Map<IdentifierKind, String> identifiersOf(String userId) {
        Map<IdentifierKind, String> ids = new java.util.EnumMap<>(IdentifierKind.class);
        jdbc.query(
                "SELECT kind, id_key FROM identity_link WHERE user_id = ? ORDER BY first_seen_at",
                rs -> {
                    ids.putIfAbsent(IdentifierKind.valueOf(rs.getString(1)), rs.getString(2));
                },
                userId);
        return ids;
    }

    @Override
    public Optional<Instant> knownSince(String userId) {
        return jdbc
                .queryForList(
                        "SELECT registered_at FROM known_user WHERE user_id = ?", java.sql.Timestamp.class, userId)
                .stream()
                .findFirst()
                .map(java.sql.Timestamp::toLocalDateTime)
                .map(UtcTimes::fromRow);
    }

    @Override
    public Optional<String> maskedPhone(String userId) {
        return jdbc
                .queryForList(
                        "SELECT masked_phone FROM known_user WHERE user_id = ? AND masked_phone IS NOT NULL",
                        String.class,
                        userId)
                .stream()
                .findFirst();
    }

    @Override
    public void markKnown(String userId, Instant registeredAt, String maskedPhone) {
        try {
            jdbc.update(
                    "INSERT INTO known_user (user_id, registered_at, masked_phone) VALUES (?, ?, ?)",
                    userId,
                    UtcTimes.toRow(registeredAt),
                    maskedPhone);
        } catch (DuplicateKeyException known) {
            jdbc.update(
                    "UPDATE known_user SET registered_at = LEAST(registered_at, ?), "
                            + "masked_phone = COALESCE(masked_phone, ?) WHERE user_id = ?",
                    UtcTimes.toRow(registeredAt),
                    maskedPhone,
                    userId);
        }
    }
}
