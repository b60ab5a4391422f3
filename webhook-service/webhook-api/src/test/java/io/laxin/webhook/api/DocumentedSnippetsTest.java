package io.laxin.webhook.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/integration.md quotes the snippets the tests run, word for word: the documented code is the tested code. */
class DocumentedSnippetsTest {

    static final Path DOCS = Path.of("../../docs/integration.md");

    @Test
    void shouldQuoteTheNodeSnippetFile() throws Exception {
        String node = Files.readString(Path.of("../../docs/snippets/verify-laxin-webhook.mjs"));
        assertThat(Files.readString(DOCS)).contains("```js\n" + node + "```");
    }

    @Test
    void shouldQuoteTheJavaVerifyMethod() throws Exception {
        String source = Files.readString(Path.of("src/main/java/io/laxin/webhook/api/WebhookSignature.java"));
        String docs = Files.readString(DOCS);
        for (String start : new String[] {
            "    public static boolean verify(String header, String body, String secret, Duration tolerance",
            "    static String hmacHex("
        }) {
            int from = source.lastIndexOf('\n', source.indexOf(start)) + 1;
            int to = source.indexOf("\n    }\n", from) + "\n    }\n".length();
            assertThat(docs).as(start).contains(source.substring(from, to));
        }
    }
}
