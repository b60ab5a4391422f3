package io.laxin.invite.identity.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Port: the identity map — which user first showed each identifier, and since when a user is known — so the same
 * person can be recognised across accounts, devices and WeChat ids.
 */
public interface Identities {

    /** The user each known identifier belongs to (identifiers nobody showed yet are absent). */
    Map<Identifier, String> owners(Collection<Identifier> identifiers);

    /** Records identifiers for a user; an identifier already owned by someone keeps its first owner. */
    void link(String userId, Collection<Identifier> identifiers, Instant seenAt);

    /** The identifiers first shown by this user, one per kind. */
    Map<IdentifierKind, String> identifiersOf(String userId);

    /** When the host first reported this user as registered, if it did. */
    Optional<Instant> knownSince(String userId);

    /** The user's masked phone (138****1234), if the host ever reported one. */
    Optional<String> maskedPhone(String userId);

    /** Records (once) that a user is registered since the given time. */
    void markKnown(String userId, Instant registeredAt, String maskedPhone);
}
