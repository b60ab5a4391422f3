package io.laxin.antifraud.analysis.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The referrer graph (user → user it invited) and what looks wrong in it after the fact:
 * <ul>
 *   <li>rings — referrers who invite each other, directly (A→B→A) or in longer cycles; found as the strongly
 *       connected components with more than one member (Tarjan), so every edge inside one is on a cycle;</li>
 *   <li>dense clusters — many invitees of one referrer in a campaign on a few devices or on one /24 subnet.</li>
 * </ul>
 */
public final class ReferralGraph {

    private final List<ScreenedReferral> edges;

    public ReferralGraph(List<ScreenedReferral> edges) {
        this.edges = List.copyOf(edges);
    }

    /** A ring: its members and the referrals between them. */
    public record Ring(Set<String> members, List<ScreenedReferral> referrals) {}

    /** A cluster: one referrer's invitees in a campaign packed on few devices / one subnet. */
    public record Cluster(
            long campaignId,
            String referrerUserId,
            List<ScreenedReferral> referrals,
            int distinctDevices,
            int distinctSubnets,
            String why) {}

    public List<Ring> rings() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (ScreenedReferral e : edges) {
            out.computeIfAbsent(e.referrerUserId(), k -> new ArrayList<>()).add(e.inviteeUserId());
            out.computeIfAbsent(e.inviteeUserId(), k -> new ArrayList<>());
        }
        List<Set<String>> components = new Tarjan(out).components();
        List<Ring> rings = new ArrayList<>();
        for (Set<String> c : components) {
            if (c.size() < 2) {
                continue;
            }
            List<ScreenedReferral> inside = edges.stream()
                    .filter(e -> c.contains(e.referrerUserId()) && c.contains(e.inviteeUserId()))
                    .toList();
            rings.add(new Ring(c, inside));
        }
        return rings;
    }

    /**
     * @param minInvitees     a referrer needs at least this many invitees in a campaign to be looked at
     * @param deviceRatio     a cluster by device: distinct devices × ratio ≤ invitees
     * @param subnetMinInvitees a cluster by subnet: at least this many invitees, all on one /24
     */
    public List<Cluster> clusters(int minInvitees, int deviceRatio, int subnetMinInvitees) {
        Map<String, List<ScreenedReferral>> byReferrer = new LinkedHashMap<>();
        for (ScreenedReferral e : edges) {
            byReferrer
                    .computeIfAbsent(e.campaignId() + "\u0000" + e.referrerUserId(), k -> new ArrayList<>())
                    .add(e);
        }
        List<Cluster> clusters = new ArrayList<>();
        for (List<ScreenedReferral> group : byReferrer.values()) {
            int n = group.size();
            if (n < minInvitees) {
                continue;
            }
            Set<String> devices = new LinkedHashSet<>();
            Set<String> subnets = new LinkedHashSet<>();
            int withDevice = 0;
            int withSubnet = 0;
            for (ScreenedReferral e : group) {
                if (e.deviceId() != null && !e.deviceId().isBlank()) {
                    devices.add(e.deviceId());
                    withDevice++;
                }
                if (e.subnet24() != null) {
                    subnets.add(e.subnet24());
                    withSubnet++;
                }
            }
            ScreenedReferral first = group.get(0);
            if (withDevice >= minInvitees && devices.size() * deviceRatio <= withDevice) {
                clusters.add(new Cluster(
                        first.campaignId(),
                        first.referrerUserId(),
                        group,
                        devices.size(),
                        subnets.size(),
                        withDevice + " invitees on " + devices.size() + " devices"));
            } else if (withSubnet >= subnetMinInvitees && subnets.size() == 1) {
                clusters.add(new Cluster(
                        first.campaignId(),
                        first.referrerUserId(),
                        group,
                        devices.size(),
                        subnets.size(),
                        withSubnet + " invitees all from subnet "
                                + subnets.iterator().next()));
            }
        }
        return clusters;
    }

    /** Iterative Tarjan (no recursion: long chains must not overflow the stack). */
    private static final class Tarjan {
        private final Map<String, List<String>> graph;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Set<String> onStack = new java.util.HashSet<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final List<Set<String>> result = new ArrayList<>();
        private int next;

        Tarjan(Map<String, List<String>> graph) {
            this.graph = graph;
        }

        List<Set<String>> components() {
            for (String v : graph.keySet()) {
                if (!index.containsKey(v)) {
                    visit(v);
                }
            }
            return result;
        }

        private void visit(String root) {
            Deque<Object[]> work = new ArrayDeque<>();
            enter(root);
            work.push(new Object[] {root, 0});
            while (!work.isEmpty()) {
                Object[] frame = work.peek();
                String v = (String) frame[0];
                int i = (Integer) frame[1];
                List<String> succ = graph.getOrDefault(v, List.of());
                if (i < succ.size()) {
                    frame[1] = i + 1;
                    String w = succ.get(i);
                    if (!index.containsKey(w)) {
                        enter(w);
                        work.push(new Object[] {w, 0});
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                } else {
                    work.pop();
                    if (!work.isEmpty()) {
                        String parent = (String) work.peek()[0];
                        low.put(parent, Math.min(low.get(parent), low.get(v)));
                    }
                    if (low.get(v).equals(index.get(v))) {
                        Set<String> component = new LinkedHashSet<>();
                        String w;
                        do {
                            w = stack.pop();
                            onStack.remove(w);
                            component.add(w);
                        } while (!w.equals(v));
                        result.add(component);
                    }
                }
            }
        }

        private void enter(String v) {
            index.put(v, next);
            low.put(v, next);
            next++;
            stack.push(v);
            onStack.add(v);
        }
    }
}
