package io.laxin.kernel.identity;

import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.error.LaxinException;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The verified identity of a request. Controllers take it as a parameter and state what they require.
 *
 * @param campaigns the campaigns a HOST caller's API key is scoped to; empty means every campaign (and is the only
 *                  value other callers have)
 */
public record Caller(CallerKind kind, String id, Set<Role> roles, Set<Long> campaigns) {

    public Caller {
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        campaigns = campaigns == null || campaigns.isEmpty()
                ? Set.of()
                : Collections.unmodifiableSortedSet(new TreeSet<>(campaigns));
        if (!campaigns.isEmpty() && kind != CallerKind.HOST) {
            throw new IllegalArgumentException("Only HOST callers are scoped to campaigns, not " + kind);
        }
    }

    public Caller(CallerKind kind, String id, Set<Role> roles) {
        this(kind, id, roles, Set.of());
    }

    public static Caller user(String id) {
        return new Caller(CallerKind.USER, id, Set.of());
    }

    public static Caller service(String name) {
        return new Caller(CallerKind.SERVICE, name, Set.of());
    }

    public static Caller staff(String id, Role... roles) {
        return new Caller(CallerKind.STAFF, id, Set.of(roles));
    }

    /** A host backend whose key may act on every campaign. */
    public static Caller host(String keyId) {
        return new Caller(CallerKind.HOST, keyId, Set.of());
    }

    /** A host backend whose key is scoped to {@code campaigns} (empty: every campaign). */
    public static Caller host(String keyId, Set<Long> campaigns) {
        return new Caller(CallerKind.HOST, keyId, Set.of(), campaigns);
    }

    public static Caller anonymous() {
        return new Caller(CallerKind.ANONYMOUS, "-", Set.of());
    }

    /** The end user's id, or 403 when the caller is not an end user. */
    public String requireUser() {
        requireKind(CallerKind.USER);
        return id;
    }

    public Caller requireKind(CallerKind... allowed) {
        if (Arrays.asList(allowed).contains(kind)) {
            return this;
        }
        throw new LaxinException(
                CommonErrorCode.FORBIDDEN,
                "This operation is for " + Arrays.toString(allowed) + " callers, not " + kind);
    }

    /** Staff holding one of the roles (ADMIN holds every role), or 403. */
    public Caller requireStaff(Role... anyOf) {
        if (kind == CallerKind.STAFF
                && (roles.contains(Role.ADMIN) || Arrays.stream(anyOf).anyMatch(roles::contains))) {
            return this;
        }
        throw new LaxinException(
                CommonErrorCode.FORBIDDEN, "This operation needs one of the staff roles " + Arrays.toString(anyOf));
    }

    /** Staff with one of the roles, or an internal service. */
    public Caller requireStaffOrService(Role... anyOf) {
        return kind == CallerKind.SERVICE ? this : requireStaff(anyOf);
    }

    /** Whether this caller is a host whose key is limited to some campaigns. */
    public boolean campaignScoped() {
        return !campaigns.isEmpty();
    }

    /** Whether this caller may act on {@code campaignId}: always, unless it is a host scoped to other campaigns. */
    public boolean mayActOnCampaign(long campaignId) {
        return campaigns.isEmpty() || campaigns.contains(campaignId);
    }

    /** This caller, or 403 {@code CAMPAIGN_OUT_OF_SCOPE} when it is a host whose key is scoped to other campaigns. */
    public Caller requireCampaign(long campaignId) {
        if (mayActOnCampaign(campaignId)) {
            return this;
        }
        throw new LaxinException(
                CommonErrorCode.CAMPAIGN_OUT_OF_SCOPE,
                "The API key '" + id + "' is not scoped to campaign " + campaignId);
    }

    String rolesHeader() {
        return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }
}
