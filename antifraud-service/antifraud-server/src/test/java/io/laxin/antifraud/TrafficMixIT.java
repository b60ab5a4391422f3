package io.laxin.antifraud;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.antifraud.api.ScreeningApi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A scripted traffic mix through the real screening endpoint and the late analysis: honest users (families sharing
 * a home IP among them), a device farm, a virtual-number batch, a ring of referrers and a burst script. Fraudulent
 * referrals must end REJECTED or under REVIEW, honest ones PASS; prints precision and recall per pattern.
 */
class TrafficMixIT extends AntifraudIT {

    private record Registration(String pattern, String invitee, Map<String, Object> body) {}

    private final List<Registration> mix = new ArrayList<>();
    private final Instant now = Instant.now();

    private Map<String, Object> body(
            long campaign,
            String referrer,
            String invitee,
            String device,
            String ip,
            long secondsAfterTouch,
            String prefix) {
        Map<String, Object> b = new HashMap<>();
        b.put("campaignId", campaign);
        b.put("referrerUserId", referrer);
        b.put("inviteeUserId", invitee);
        b.put("inviteeDeviceId", device);
        b.put("referrerDeviceId", "dev-" + referrer);
        b.put("ip", ip);
        b.put("userAgent", "Mozilla/5.0 (iPhone) MicroMessenger/8.0");
        b.put("inviteeOpenid", "oid-" + invitee);
        b.put("inviteeUnionid", "uid-" + invitee);
        b.put("inviteePhoneHash", "ph-" + invitee);
        b.put("inviteePhonePrefix", prefix);
        b.put("touchedAt", now.minusSeconds(secondsAfterTouch).toString());
        b.put("registeredAt", now.toString());
        return b;
    }

    private void add(String pattern, Map<String, Object> body) {
        mix.add(new Registration(pattern, (String) body.get("inviteeUserId"), body));
    }

    @Test
    void shouldStopTheFraudulentPatternsAndPassTheHonestUsers() {
        long c = newCampaign();
        String[] honestPrefixes = {"138", "139", "186", "135", "150"};
        for (int r = 0; r < 8; r++) {
            String referrer = unique("honest-ref" + r);
            String home = freshIp();
            for (int i = 0; i < 3; i++) {
                // the first two invitees of each referrer are a family on one home IP
                add(
                        "honest",
                        body(
                                c,
                                referrer,
                                unique("friend"),
                                unique("phone"),
                                i < 2 ? home : freshIp(),
                                120 + 60L * i,
                                honestPrefixes[(r + i) % honestPrefixes.length]));
            }
        }
        String farmer = unique("farmer");
        String farmNet = freshIp();
        String farmPrefix = farmNet.substring(0, farmNet.lastIndexOf('.') + 1);
        for (int i = 0; i < 16; i++) {
            Map<String, Object> b =
                    body(c, farmer, unique("farm"), farmer + "-rack" + (i % 4), farmPrefix + (10 + i), 30, "136");
            b.put("emulator", i % 2 == 0);
            add("device farm", b);
        }
        String vn = unique("vn-boss");
        String[] virtual = {"170", "171", "162", "165", "167"};
        for (int i = 0; i < 10; i++) {
            add(
                    "virtual numbers",
                    body(
                            c,
                            vn + (i % 3),
                            unique("vnum"),
                            unique("phone"),
                            freshIp(),
                            200,
                            virtual[i % virtual.length]));
        }
        String[] ring = {unique("ring0"), unique("ring1"), unique("ring2"), unique("ring3")};
        for (int i = 0; i < ring.length; i++) {
            add("referral ring", body(c, ring[i], ring[(i + 1) % ring.length], unique("phone"), freshIp(), 300, "139"));
        }
        String x = unique("pair-x");
        String y = unique("pair-y");
        add("referral ring", body(c, x, y, unique("phone"), freshIp(), 400, "138"));
        add("referral ring", body(c, y, x, unique("phone"), freshIp(), 400, "138"));
        String burster = unique("burster");
        String scriptIp = freshIp();
        for (int i = 0; i < 15; i++) {
            add("burst script", body(c, burster, unique("bot"), unique("phone"), scriptIp, 2, "139"));
        }

        Map<String, String> atScreening = new LinkedHashMap<>();
        for (Registration r : mix) {
            var response = asInviteService().post(ScreeningApi.PATH, r.body());
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            atScreening.put(r.invitee(), response.json().get("verdict").asString());
        }
        var run = asOps("op-1").post("/api/v1/admin/risk/analysis/runs", Map.of());
        assertThat(run.status()).as(run.toString()).isEqualTo(200);

        Map<String, String> finalVerdict = new LinkedHashMap<>(atScreening);
        jdbc.query(
                "SELECT invitee_user_id, status FROM risk_case WHERE campaign_id = ?",
                rs -> {
                    String status = rs.getString(2);
                    finalVerdict.put(
                            rs.getString(1),
                            switch (status) {
                                case "REJECTED" -> "REJECT";
                                case "APPROVED" -> "PASS";
                                default -> "REVIEW";
                            });
                },
                c);

        Map<String, int[]> byPattern = new LinkedHashMap<>(); // n, flagged at screening, flagged in the end
        for (Registration r : mix) {
            int[] counts = byPattern.computeIfAbsent(r.pattern(), k -> new int[3]);
            counts[0]++;
            counts[1] += "PASS".equals(atScreening.get(r.invitee())) ? 0 : 1;
            counts[2] += "PASS".equals(finalVerdict.get(r.invitee())) ? 0 : 1;
        }
        int honestFlaggedAtScreening = byPattern.get("honest")[1];
        int honestFlagged = byPattern.get("honest")[2];
        StringBuilder table = new StringBuilder("\nTraffic mix (campaign " + c + ")\n");
        table.append(String.format(
                Locale.ROOT, "%-16s %4s %22s %22s%n", "pattern", "n", "screening P / R", "after analysis P / R"));
        Map<String, double[]> metrics = new LinkedHashMap<>();
        byPattern.forEach((pattern, n) -> {
            if (pattern.equals("honest")) {
                table.append(String.format(
                        Locale.ROOT,
                        "%-16s %4d   false positives %d   false positives %d%n",
                        pattern,
                        n[0],
                        n[1],
                        n[2]));
                return;
            }
            double recall0 = (double) n[1] / n[0];
            double precision0 = n[1] == 0 ? 1 : (double) n[1] / (n[1] + honestFlaggedAtScreening);
            double recall = (double) n[2] / n[0];
            double precision = n[2] == 0 ? 1 : (double) n[2] / (n[2] + honestFlagged);
            metrics.put(pattern, new double[] {precision0, recall0, precision, recall});
            table.append(String.format(
                    Locale.ROOT,
                    "%-16s %4d %10.2f / %-9.2f %10.2f / %-9.2f%n",
                    pattern,
                    n[0],
                    precision0,
                    recall0,
                    precision,
                    recall));
        });
        System.out.println(table);

        assertThat(honestFlagged).as(table.toString()).isZero();
        mix.stream()
                .filter(r -> r.pattern().equals("honest"))
                .forEach(r -> assertThat(finalVerdict.get(r.invitee()))
                        .as(r.invitee())
                        .isEqualTo("PASS"));
        metrics.forEach((pattern, m) -> {
            assertThat(m[3]).as("recall after analysis of " + pattern + table).isGreaterThanOrEqualTo(0.9);
            assertThat(m[2])
                    .as("precision after analysis of " + pattern + table)
                    .isGreaterThanOrEqualTo(0.95);
        });
        // at registration time already: the farm, the virtual numbers and most of the burst are stopped
        assertThat(metrics.get("device farm")[1]).as(table.toString()).isGreaterThanOrEqualTo(0.75);
        assertThat(metrics.get("virtual numbers")[1]).as(table.toString()).isEqualTo(1.0);
        assertThat(metrics.get("burst script")[1]).as(table.toString()).isGreaterThanOrEqualTo(0.6);
        // a ring looks honest one registration at a time; the late analysis rejects it
        mix.stream()
                .filter(r -> r.pattern().equals("referral ring"))
                .forEach(r -> assertThat(finalVerdict.get(r.invitee()))
                        .as(r.invitee())
                        .isEqualTo("REJECT"));
    }
}
