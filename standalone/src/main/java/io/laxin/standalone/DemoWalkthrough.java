package io.laxin.standalone;

import io.laxin.gateway.auth.JwtTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeds the demo campaign through the gateway (idempotently: the same campaign after every restart) and prints a
 * copy-paste walkthrough of the thin path with demo tokens. Only the local run issues these tokens.
 */
final class DemoWalkthrough {

    static final String HOST_KEY_ID = "demo-host";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DEMO_CAMPAIGN = """
            {"name":"Demo: invite a friend, both get 500 points","startsAt":"2026-01-01T00:00:00Z",
             "endsAt":"2030-01-01T00:00:00Z","attributionWindowDays":7,
             "landingUrl":"https://brand.example/register",
             "rewardPolicy":{"referrerReward":{"kind":"POINTS","amount":500},
                             "inviteeReward":{"kind":"POINTS","amount":500},"holdDays":7}}""";

    private final String gatewayUrl;
    private final String publicUrl;
    private final JwtTokens tokens;
    private final String hostKey;
    private final HttpClient http = HttpClient.newHttpClient();

    DemoWalkthrough(String gatewayUrl, String publicUrl, String jwtSecret, String hostKey) {
        this.gatewayUrl = gatewayUrl;
        this.publicUrl = publicUrl;
        this.tokens = new JwtTokens(
                jwtSecret, "https://login.brand.example", "laxin", Duration.ofSeconds(60), Clock.systemUTC());
        this.hostKey = hostKey;
    }

    String seedAndDescribe(Path data, long startMillis) throws Exception {
        String ops = tokens.mint("demo-operator", List.of("OPS", "FINANCE"), Duration.ofHours(12));
        String alice = tokens.mint("alice", List.of(), Duration.ofHours(12));
        String bob = tokens.mint("bob", List.of(), Duration.ofHours(12));
        JsonNode campaign = send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/v1/admin/campaigns"))
                .header("Authorization", "Bearer " + ops)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "demo-campaign-v1")
                .POST(HttpRequest.BodyPublishers.ofString(DEMO_CAMPAIGN)));
        long id = campaign.get("id").asLong();
        JsonNode invite = send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/v1/invites/mine?campaignId=" + id))
                .header("Authorization", "Bearer " + alice)
                .GET());
        String code = invite.get("code").asString();
        String g = publicUrl;
        return """

                ================================================================================
                 Laxin is up in %d ms.
                 Console (operations and finance staff): %s/console/
                   sign in as a demo operator, finance person (two, for four-eyes) or admin
                 H5 invite page (end users): %s/h5/?campaign=%d
                   sign in as alice or bob; the brand's app opens it as /h5/?campaign=ID#token=<user JWT>
                 Gateway: %s   (API docs: %s/swagger-ui.html)
                 Data: %s   (delete it to start afresh)
                 Demo campaign %d: "%s"
                ================================================================================
                # Demo credentials (valid 12 h, issued only by this local run):
                export OPS_TOKEN=%s
                export ALICE_TOKEN=%s
                export BOB_TOKEN=%s
                export HOST_KEY_ID=%s HOST_SECRET=%s
                export CAMPAIGN=%d

                # 1. operators: the campaign (create more with POST %s/api/v1/admin/campaigns)
                curl -s %s/api/v1/admin/campaigns/$CAMPAIGN -H "Authorization: Bearer $OPS_TOKEN"; echo
                # 2. alice asks for her invite code and share link (the same every time)
                curl -s "%s/api/v1/invites/mine?campaignId=$CAMPAIGN" -H "Authorization: Bearer $ALICE_TOKEN"; echo
                # 3. alice's share poster: its QR code opens her share link
                curl -s -o poster.png "%s/api/v1/posters/mine?campaignId=$CAMPAIGN&format=png" -H "Authorization: Bearer $ALICE_TOKEN"
                # 4. a friend opens the link: the touch is recorded, 302 to the landing page
                curl -si "%s/s/%s?ch=moments" | grep -i '^location'
                # 5. the brand's backend reports bob's registration with alice's code; host calls are signed:
                #    hex(HMAC-SHA256(secret, METHOD\\nPATH\\nTIMESTAMP\\nNONCE\\nhex(SHA-256(body)))), see gateway/README.md
                host_post() { local ts nonce digest sig; ts=$(date +%%s); nonce=$(openssl rand -hex 16)
                  digest=$(printf '%%s' "$2" | openssl dgst -sha256 | awk '{print $NF}')
                  sig=$(printf 'POST\\n%%s\\n%%s\\n%%s\\n%%s' "$1" "$ts" "$nonce" "$digest" | openssl dgst -sha256 -hmac "$HOST_SECRET" | awk '{print $NF}')
                  curl -s -X POST "%s$1" -H "X-Api-Key: $HOST_KEY_ID" -H "X-Timestamp: $ts" -H "X-Nonce: $nonce" \\
                       -H "X-Signature: $sig" -H 'Content-Type: application/json' -d "$2"; echo; }
                host_post /api/v1/host/registrations '{"campaignId":'$CAMPAIGN',"inviteeUserId":"bob","inviteCode":"%s"}'
                # 6. a moment later (the event travels through RocketMQ) both see a pending reward, released after the 7-day hold
                curl -s %s/api/v1/rewards/mine -H "Authorization: Bearer $ALICE_TOKEN"; echo
                curl -s %s/api/v1/rewards/mine -H "Authorization: Bearer $BOB_TOKEN"; echo
                # 7. operators see the campaign's counts
                curl -s %s/api/v1/admin/campaigns/$CAMPAIGN/stats -H "Authorization: Bearer $OPS_TOKEN"; echo
                ================================================================================
                 Ctrl-C stops everything.
                """.formatted(
                        startMillis,
                        g,
                        g,
                        id,
                        g,
                        g,
                        data,
                        id,
                        campaign.get("name").asString(),
                        ops,
                        alice,
                        bob,
                        HOST_KEY_ID,
                        hostKey,
                        id,
                        g,
                        g,
                        g,
                        g,
                        g,
                        code,
                        g,
                        code,
                        g,
                        g,
                        g);
    }

    private JsonNode send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> r =
                http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException("Seeding the demo failed: " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }
}
