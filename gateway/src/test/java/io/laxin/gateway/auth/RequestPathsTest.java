package io.laxin.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestPathsTest {

    @Test
    void shouldDecodeThePathOnceAsRoutingDoes() {
        assertThat(RequestPaths.canonical("/%61pi/v1/rewards/mine")).contains("/api/v1/rewards/mine");
        assertThat(RequestPaths.canonical("/api/v1/admin/campaigns/")).contains("/api/v1/admin/campaigns/");
        assertThat(RequestPaths.canonical("/s/AB12CD34")).contains("/s/AB12CD34");
        assertThat(RequestPaths.canonical("/api/v1/invites/%E4%BD%A0")).contains("/api/v1/invites/你");
    }

    @Test
    void shouldRefuseAPathThatReadersCouldTakeForDifferentPaths() {
        for (String ambiguous : new String[] {
            "/api/v1/admin%2Fcampaigns",
            "/api/v1/admin%2fcampaigns",
            "/api/v1/invites/%2e%2e/admin/campaigns",
            "/api/v1/invites/../admin/campaigns",
            "/api/./v1",
            "//api/v1/admin/campaigns",
            "/api//v1",
            "/api/v1/%5cadmin",
            "/api\\v1",
            "/api/v1/%2561dmin",
            "/api/v1/%00",
            "/api/v1/%0a",
            "/api/v1/mine%ff",
            "/api/v1/%4",
            "/api/v1/%zz",
            "api/v1",
            ""
        }) {
            assertThat(RequestPaths.canonical(ambiguous)).as(ambiguous).isEmpty();
        }
    }
}
