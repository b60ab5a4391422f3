package io.laxin.webhook.endpoint.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointUrlsTest {

    /** A DNS that answers from a table; hooks.brand.example first resolves publicly, later to the metadata address. */
    private final Map<String, String> dns = new java.util.HashMap<>(Map.of(
            "hooks.brand.example", "203.0.114.10",
            "internal.brand.example", "10.1.2.3",
            "localhost", "127.0.0.1"));

    private InetAddress[] resolve(String host) throws UnknownHostException {
        String ip = dns.get(host);
        if (ip == null) {
            if (Character.isDigit(host.charAt(0)) || host.contains(":")) {
                return new InetAddress[] {InetAddress.getByName(host)};
            }
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(ip)};
    }

    private final EndpointUrls strict = new EndpointUrls(false, false, this::resolve);

    @Test
    void shouldAllowAnHttpsUrlOnAPublicHost() {
        assertThat(strict.refusal("https://hooks.brand.example/laxin?x=1")).isEmpty();
        assertThat(strict.refusal("https://1.1.1.1:8443/h")).isEmpty();
    }

    @Test
    void shouldRefusePrivateLoopbackLinkLocalAndIpv6LoopbackHosts() {
        for (String url : new String[] {
            "https://10.0.0.1/h",
            "https://127.0.0.1/h",
            "https://169.254.169.254/latest",
            "https://[::1]/h",
            "https://[::ffff:127.0.0.1]/h",
            "https://localhost/h",
            "https://internal.brand.example/h",
            "https://100.64.1.1/h",
            "https://0.0.0.0/h"
        }) {
            assertThat(strict.refusal(url))
                    .as(url)
                    .hasValueSatisfying(r -> assertThat(r).contains("not allowed"));
        }
    }

    @Test
    void shouldRefuseAgainAtSendTimeWhenTheHostNowResolvesPrivately() {
        assertThat(strict.refusal("https://hooks.brand.example/h")).isEmpty();
        dns.put("hooks.brand.example", "169.254.169.254"); // DNS rebinding
        assertThat(strict.addressRefusal(URI.create("https://hooks.brand.example/h")))
                .hasValueSatisfying(r -> assertThat(r).contains("link-local"));
    }

    @Test
    void shouldRefuseHttpCredentialsFragmentsAndNonsense() {
        assertThat(strict.refusal("http://hooks.brand.example/h")).contains("url must start with https://");
        assertThat(strict.refusal("ftp://hooks.brand.example/h")).isPresent();
        assertThat(strict.refusal("https://user:pw@hooks.brand.example/h")).contains("url must not carry credentials");
        assertThat(strict.refusal("https://hooks.brand.example/h#x")).contains("url must not have a fragment");
        assertThat(strict.refusal("hooks.brand.example/h")).isPresent();
        assertThat(strict.refusal("https:///nohost")).isPresent();
        assertThat(strict.refusal("https://nowhere.invalid/h"))
                .hasValueSatisfying(r -> assertThat(r).contains("does not resolve"));
        assertThat(strict.refusal("https://" + "a".repeat(2050))).isPresent();
    }

    @Test
    void shouldAllowHttpAndPrivateAddressesOnlyWhenConfigured() {
        EndpointUrls local = new EndpointUrls(true, true, this::resolve);
        assertThat(local.refusal("http://127.0.0.1:9000/h")).isEmpty();
        assertThat(local.refusal("https://[::1]/h")).isEmpty();
        assertThat(local.addressRefusal(URI.create("http://10.0.0.1/h"))).isEmpty();
    }
}
