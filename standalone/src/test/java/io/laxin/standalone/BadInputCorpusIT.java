package io.laxin.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.gateway.auth.HostSignatures;
import io.laxin.gateway.auth.JwtTokens;
import io.laxin.testsupport.TestHttp;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A corpus of bad input sent through the gateway to every public, end-user and host endpoint that writes or looks
 * things up: malformed and truncated JSON, wrong types, huge and deeply nested bodies, control characters and
 * bidirectional overrides, SQL and script strings in ids, negative, zero and overflowing amounts, timestamps far in
 * the past and future, encoded and doubled path separators. Each must answer 4xx problem+json — never 2xx, never 5xx —
 * and, all together, write no row in any service.
 */
class BadInputCorpusIT extends AgainstTheSuite {

    private static final String[] BAD_IDS = {
        "",
        " ",
        "x".repeat(65),
        "' OR '1'='1",
        "1; DROP TABLE referral;--",
        "<script>alert(1)</script>",
        "bob\u202Eevil",
        "bob\u0000",
        "bob\r\nX-Injected: 1",
        "bob\u200Bzw",
        "../../etc/passwd"
    };
    private static final String[] BAD_JSON = {
        "", "{", "{\"campaignId\":", "[]", "null", "\"text\"", "{\"a\":1}}", "{\"campaignId\":1,}", "\u0000"
    };

    private record Probe(String caller, String method, String path, String body) {
        @Override
        public String toString() {
            String b =
                    body == null ? "" : body.length() > 80 ? body.substring(0, 80) + "…(" + body.length() + ")" : body;
            return caller + " " + method + " " + path + " " + b;
        }
    }

    private static String json(Map<String, Object> body) {
        return TestHttp.JSON.writeValueAsString(body);
    }

    private static Map<String, Object> with(Map<String, Object> base, String field, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(base);
        m.put(field, value);
        return m;
    }

    private static String nested(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    private List<Probe> corpus(long campaign, String code) {
        List<Probe> probes = new ArrayList<>();
        Map<String, Object> registration =
                Map.of("campaignId", campaign, "inviteeUserId", "corpus-invitee", "inviteCode", code);
        Map<String, Object> identity = Map.of("userId", "corpus-user", "registeredAt", "2026-01-01T00:00:00Z");
        Map<String, Object> paid = Map.of(
                "orderId",
                "corpus-order",
                "buyerUserId",
                "corpus-buyer",
                "amountFen",
                100,
                "paidAt",
                "2026-12-01T00:00:00Z");
        Map<String, Object> refund = Map.of(
                "refundId",
                "corpus-refund",
                "orderId",
                "corpus-order",
                "amountFen",
                1,
                "refundedAt",
                "2026-12-01T00:00:00Z");
        Map<String, Object> scan = Map.of("scene", "i=" + code + "&c=poster", "deviceId", "corpus-device");
        Map<String, Object> vanity = Map.of("campaignId", campaign, "code", "CORPUS1");
        Map<String, Map<String, Object>> hostBodies = new LinkedHashMap<>();
        hostBodies.put("/api/v1/host/registrations", registration);
        hostBodies.put("/api/v1/host/identities", identity);
        hostBodies.put("/api/v1/host/orders/paid", paid);
        hostBodies.put("/api/v1/host/orders/refunds", refund);
        hostBodies.forEach((path, base) -> {
            for (String bad : BAD_JSON) {
                probes.add(new Probe("host", "POST", path, bad));
            }
            probes.add(new Probe(
                    "host", "POST", path, json(base).substring(0, json(base).length() / 2)));
            probes.add(new Probe("host", "POST", path, nested(5000)));
            probes.add(new Probe("host", "POST", path, "{\"pad\":\"" + "x".repeat(2_000_000) + "\"}"));
            base.keySet().forEach(field -> {
                for (Object wrong : new Object[] {List.of(1), Map.of("x", 1), true}) {
                    probes.add(new Probe("host", "POST", path, json(with(base, field, wrong))));
                }
            });
        });
        for (String id : BAD_IDS) {
            probes.add(new Probe(
                    "host", "POST", "/api/v1/host/registrations", json(with(registration, "inviteeUserId", id))));
            probes.add(new Probe("host", "POST", "/api/v1/host/identities", json(with(identity, "userId", id))));
            probes.add(new Probe("host", "POST", "/api/v1/host/orders/paid", json(with(paid, "buyerUserId", id))));
            probes.add(new Probe("host", "POST", "/api/v1/host/orders/paid", json(with(paid, "orderId", id))));
            probes.add(new Probe("host", "POST", "/api/v1/host/orders/refunds", json(with(refund, "refundId", id))));
            probes.add(new Probe(
                    "host",
                    "POST",
                    "/api/v1/host/registrations",
                    json(with(registration, "inviteCode", id.isEmpty() ? "\u202EK7PX" : id))));
        }
        for (Object amount :
                new Object[] {0, -1, -9223372036854775807L, "9223372036854775808", 1.5, "100", 100_000_000_01L, 1e300
                }) {
            probes.add(new Probe("host", "POST", "/api/v1/host/orders/paid", json(with(paid, "amountFen", amount))));
            probes.add(
                    new Probe("host", "POST", "/api/v1/host/orders/refunds", json(with(refund, "amountFen", amount))));
        }
        Map<String, Object> activity =
                Map.of("userId", "corpus-user", "kind", "LOGIN", "occurredAt", "2026-12-01T00:00:00Z");
        for (String time : new String[] {
            "0001-01-01T00:00:00Z",
            "1970-01-01T00:00:00Z",
            "2999-01-01T00:00:00Z",
            "+999999999-12-31T23:59:59Z",
            "2026-13-45T99:99:99Z",
            "yesterday"
        }) {
            probes.add(new Probe("host", "POST", "/api/v1/host/orders/paid", json(with(paid, "paidAt", time))));
            probes.add(
                    new Probe("host", "POST", "/api/v1/host/orders/refunds", json(with(refund, "refundedAt", time))));
            probes.add(
                    new Probe("host", "POST", "/api/v1/host/identities", json(with(identity, "registeredAt", time))));
            probes.add(new Probe(
                    "host", "POST", "/api/v1/host/registrations", json(with(registration, "registeredAt", time))));
            probes.add(
                    new Probe("host", "POST", "/api/v1/host/risk/activity", json(with(activity, "occurredAt", time))));
        }
        for (String registeredIp : new String[] {"999.1.1.1", "not-an-ip", "1.1.1.1; rm -rf /", "::g"}) {
            probes.add(new Probe(
                    "host", "POST", "/api/v1/host/registrations", json(with(registration, "ip", registeredIp))));
        }
        for (String device : new String[] {"d".repeat(129), "dev\u0000ice", "dev ice", "dev\u202Eice"}) {
            probes.add(new Probe(
                    "host", "POST", "/api/v1/host/registrations", json(with(registration, "deviceId", device))));
            probes.add(new Probe("host", "POST", "/api/v1/host/identities", json(with(identity, "deviceId", device))));
        }
        for (String id : BAD_IDS) {
            probes.add(new Probe("host", "POST", "/api/v1/host/risk/activity", json(with(activity, "userId", id))));
        }
        // anonymous and end-user writes
        for (String bad : BAD_JSON) {
            probes.add(new Probe("anonymous", "POST", "/api/v1/public/scans", bad));
            probes.add(new Probe("user", "POST", "/api/v1/invites/mine/vanity", bad));
        }
        for (String scene : new String[] {
            "",
            "c=poster",
            "i=",
            "i=' OR 1=1 --",
            "i=" + "A".repeat(300),
            "i=%E4%zz",
            "i=K7PX\u202E&c=poster",
            "i=ZZZZ9999"
        }) {
            probes.add(new Probe("anonymous", "POST", "/api/v1/public/scans", json(with(scan, "scene", scene))));
        }
        probes.add(new Probe("anonymous", "POST", "/api/v1/public/scans", nested(5000)));
        for (String bad : new String[] {"' OR 1=1", "<b>X</b>", "AB", "A".repeat(17), "ADMIN"}) {
            probes.add(new Probe("user", "POST", "/api/v1/invites/mine/vanity", json(with(vanity, "code", bad))));
        }
        // lookups with bad ids and parameters
        for (String path : new String[] {
            "/api/v1/public/campaigns/abc",
            "/api/v1/public/campaigns/-1",
            "/api/v1/public/campaigns/99999999999999999999",
            "/api/v1/invites/mine?campaignId=abc",
            "/api/v1/invites/mine?campaignId=",
            "/api/v1/posters/mine?campaignId=" + campaign + "&format=gif",
            "/api/v1/posters/mine?campaignId=" + campaign + "&lang=xx",
            "/api/v1/campaigns/abc/leaderboard",
            "/api/v1/invites/mine/invitees?campaignId=1%27%20OR%201=1",
            "/s/'%20OR%201=1",
            "/s/%3Cscript%3E",
            "/s/" + "A".repeat(300)
        }) {
            probes.add(new Probe(
                    path.startsWith("/api/v1/public") || path.startsWith("/s/") ? "anonymous" : "user",
                    "GET",
                    path,
                    null));
        }
        // encoded and doubled separators
        for (String path : new String[] {
            "/api/v1//host/registrations",
            "/api/v1/host/%2e%2e/host/registrations",
            "/api/v1/host%2Fregistrations",
            "/api/v1/host/registrations/..%2F..%2Fadmin%2Fcampaigns",
            "/api/v1/public/..%2Fhost%2Fregistrations",
            "/api/v1/host/./registrations"
        }) {
            probes.add(new Probe("host", "POST", path, json(registration)));
        }
        return probes;
    }

    private TestHttp.Response send(Probe p) {
        TestHttp http = TestHttp.at(fixture.gatewayUrl());
        if (p.caller().equals("user")) {
            JwtTokens tokens = new JwtTokens(
                    fixture.jwtSecret,
                    "https://login.brand.example",
                    "laxin",
                    Duration.ofSeconds(60),
                    Clock.systemUTC());
            http = http.bearer(tokens.mint("corpus-alice", List.of(), Duration.ofMinutes(5)));
        } else if (p.caller().equals("host")) {
            byte[] body = p.body() == null ? new byte[0] : p.body().getBytes(StandardCharsets.UTF_8);
            for (var h : HostSignatures.sign(TestSuite.HOST_KEY_ID, fixture.hostSecret, p.method(), p.path(), body)
                    .entrySet()) {
                http = http.header(h.getKey(), h.getValue());
            }
        }
        return http.send(p.method(), p.path(), p.body());
    }

    /** Rows in every table of every service's schema, by schema and table. */
    private Map<String, Long> rows() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String app : List.of(
                SuiteConfig.INVITE,
                SuiteConfig.REWARD,
                SuiteConfig.ANTIFRAUD,
                SuiteConfig.POSTER,
                SuiteConfig.WEBHOOK)) {
            JdbcTemplate jdbc = fixture.suite.context(app).getBean(JdbcTemplate.class);
            for (String table : jdbc.queryForList(
                    "SELECT table_name FROM information_schema.tables "
                            + "WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'",
                    String.class)) {
                if (!table.startsWith("flyway")) {
                    counts.put(app + "." + table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
                }
            }
        }
        return counts;
    }

    @Test
    void shouldAnswerEveryBadInputWithAClientProblemAndWriteNothing() {
        TestHttp ops = TestHttp.at(fixture.gatewayUrl())
                .bearer(new JwtTokens(
                                fixture.jwtSecret,
                                "https://login.brand.example",
                                "laxin",
                                Duration.ofSeconds(60),
                                Clock.systemUTC())
                        .mint("corpus-ops", List.of("OPS"), Duration.ofMinutes(5)));
        var created = ops.post(
                "/api/v1/admin/campaigns",
                Map.of(
                        "name",
                        "Bad input corpus",
                        "startsAt",
                        "2020-01-01T00:00:00Z",
                        "endsAt",
                        "2099-01-01T00:00:00Z",
                        "attributionWindowDays",
                        7,
                        "landingUrl",
                        "https://brand.example/register",
                        "rewardPolicy",
                        Map.of(
                                "referrerReward",
                                Map.of("kind", "CASH", "amount", 500),
                                "inviteeReward",
                                Map.of("kind", "CASH", "amount", 300),
                                "holdDays",
                                7)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long campaign = created.json().get("id").asLong();
        String code = send(new Probe("user", "GET", "/api/v1/invites/mine?campaignId=" + campaign, null))
                .json()
                .get("code")
                .asString();
        Map<String, Long> before = rows();

        List<Probe> probes = corpus(campaign, code);
        List<String> wrong = new ArrayList<>();
        for (Probe p : probes) {
            TestHttp.Response r = send(p);
            String type = r.header("Content-Type");
            boolean problem = type != null && type.startsWith("application/problem+json");
            if (r.status() < 400 || r.status() >= 500 || !problem) {
                String text = r.text();
                wrong.add(p + " → " + r.status() + " " + type + " "
                        + (text.length() > 160 ? text.substring(0, 160) : text));
            }
        }

        assertThat(probes).hasSizeGreaterThan(200);
        assertThat(wrong).as("answers that are not a 4xx problem").isEmpty();
        assertThat(rows()).as("rows in every table of every service").isEqualTo(before);
    }
}
