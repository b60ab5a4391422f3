package io.laxin.invite;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.kernel.identity.Caller;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document the gateway's UI and the SDK's types are built from. */
class ApiDocsIT extends InviteItSupport {

    @Test
    void shouldDescribeThePublicApiWithoutInternalPathsOrTheGatewaysIdentityAsAParameter() {
        var r = as(Caller.anonymous()).get("/v3/api-docs");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode doc = r.json();

        assertThat(doc.get("info").get("title").asString()).isNotBlank().isNotEqualTo("OpenAPI definition");
        List<String> paths = new ArrayList<>();
        doc.get("paths").properties().forEach(e -> paths.add(e.getKey()));
        assertThat(paths)
                .contains(
                        "/api/v1/public/scans",
                        "/api/v1/public/campaigns/{campaignId}",
                        "/api/v1/invites/mine",
                        "/api/v1/host/registrations");
        assertThat(paths).noneMatch(p -> p.startsWith("/internal"));
        List<String> parameters = new ArrayList<>();
        doc.get("paths")
                .forEach(path -> path.forEach(operation -> {
                    if (operation.has("parameters")) {
                        operation
                                .get("parameters")
                                .forEach(p -> parameters.add(p.get("name").asString()));
                    }
                }));
        assertThat(parameters).isNotEmpty().doesNotContain("caller");
        assertThat(doc.get("components")
                        .get("schemas")
                        .get("ScanRequest")
                        .get("properties")
                        .has("scene"))
                .isTrue();
    }
}
