package io.laxin.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs docs/snippets/verify-laxin-webhook.mjs (the snippet docs/integration.md quotes) with Node.js. */
public final class NodeSnippet {

    static final Path SNIPPET = Path.of("../../docs/snippets/verify-laxin-webhook.mjs")
            .toAbsolutePath()
            .normalize();

    private NodeSnippet() {}

    public static boolean verify(String header, String body, String secret) throws Exception {
        Path input = Files.createTempFile("laxin-webhook-", ".json");
        try {
            Files.writeString(
                    input,
                    tools.jackson.databind.json.JsonMapper.builder()
                            .build()
                            .writeValueAsString(java.util.Map.of("header", header, "body", body, "secret", secret)),
                    StandardCharsets.UTF_8);
            String script = "import { verifyLaxinWebhook } from '" + SNIPPET.toUri() + "';"
                    + "import { readFileSync } from 'node:fs';"
                    + "const c = JSON.parse(readFileSync(process.argv[1], 'utf8'));"
                    + "console.log(String(verifyLaxinWebhook(c.header, c.body, c.secret)));";
            Process p = new ProcessBuilder("node", "--input-type=module", "-e", script, input.toString())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            return Boolean.parseBoolean(out);
        } finally {
            Files.deleteIfExists(input);
        }
    }
}
