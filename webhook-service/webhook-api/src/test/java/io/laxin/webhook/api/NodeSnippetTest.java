package io.laxin.webhook.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the Node snippet that docs/integration.md quotes ({@code docs/snippets/verify-laxin-webhook.mjs}) with Node.js
 * on signatures made by {@link WebhookSignature}: what the service sends is what the brand's code accepts.
 */
class NodeSnippetTest {

    static final Path SNIPPET = Path.of("../../docs/snippets/verify-laxin-webhook.mjs")
            .toAbsolutePath()
            .normalize();
    static final String SECRET = "whsec_node_3f9a";
    static final String BODY =
            "{\"id\":\"evt-7\",\"type\":\"referral.attributed\",\"occurredAt\":\"2026-12-01T08:00:00Z\","
                    + "\"data\":{\"inviteeUserId\":\"张三\"}}";

    @Test
    void shouldVerifyAValidSignatureAndRefuseATamperedBodyAndAnOldTimestamp() throws Exception {
        assertThat(SNIPPET).exists();
        long now = Instant.now().getEpochSecond();
        String valid = WebhookSignature.header(now, BODY, List.of(SECRET));
        String old = WebhookSignature.header(now - 301, BODY, List.of(SECRET));
        String rotated = WebhookSignature.header(now, BODY, List.of("whsec_other", SECRET));

        assertThat(runNode(valid, BODY, SECRET)).isEqualTo("true");
        assertThat(runNode(valid, BODY.replace("张三", "李四"), SECRET)).isEqualTo("false");
        assertThat(runNode(old, BODY, SECRET)).isEqualTo("false");
        assertThat(runNode(valid, BODY, "whsec_wrong")).isEqualTo("false");
        assertThat(runNode(rotated, BODY, SECRET)).isEqualTo("true");
    }

    private static String runNode(String header, String body, String secret) throws IOException, InterruptedException {
        Path input = Files.createTempFile("laxin-webhook-", ".json");
        try {
            Files.writeString(
                    input,
                    "{\"header\":" + quote(header) + ",\"body\":" + quote(body) + ",\"secret\":" + quote(secret) + "}",
                    StandardCharsets.UTF_8);
            String script = "import { verifyLaxinWebhook } from "
                    + quote(SNIPPET.toUri().toString()) + ";"
                    + "import { readFileSync } from 'node:fs';"
                    + "const c = JSON.parse(readFileSync(process.argv[1], 'utf8'));"
                    + "console.log(String(verifyLaxinWebhook(c.header, c.body, c.secret)));";
            Process p = new ProcessBuilder("node", "--input-type=module", "-e", script, input.toString())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            return out;
        } finally {
            Files.deleteIfExists(input);
        }
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
