package io.laxin.webhook.endpoint.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressRulesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "10.0.0.1",
                "10.255.255.255",
                "172.16.0.1",
                "172.31.255.254",
                "192.168.1.1", // private
                "127.0.0.1",
                "127.8.8.8", // loopback
                "169.254.169.254",
                "169.254.0.1", // link-local, metadata
                "100.64.0.1",
                "100.127.255.254", // CGNAT
                "224.0.0.1",
                "239.255.255.250", // multicast
                "0.0.0.0",
                "0.1.2.3", // unspecified, this network
                "255.255.255.255",
                "240.0.0.1",
                "198.18.0.1",
                "192.0.0.8", // reserved, benchmarking
                "::1",
                "::", // IPv6 loopback, unspecified
                "fe80::1",
                "fc00::1",
                "fd12:3456::1",
                "fec0::1",
                "ff02::1",
                "2001:db8::1", // link-local, ULA, multicast
                "::ffff:127.0.0.1",
                "::ffff:10.0.0.1",
                "::ffff:169.254.169.254", // IPv4-mapped
                "::127.0.0.1",
                "64:ff9b::a00:1",
                "2002:7f00:1::1",
                "2002:a9fe:a9fe::"
            }) // compatible, NAT64, 6to4
    void shouldRefuseNonPublicAddresses(String address) throws Exception {
        assertThat(AddressRules.refusal(InetAddress.getByName(address)))
                .as(address)
                .isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1.1.1.1",
                "8.8.8.8",
                "93.184.215.14",
                "172.15.255.255",
                "172.32.0.1",
                "100.63.255.255",
                "100.128.0.1",
                "169.253.1.1",
                "11.0.0.1",
                "2606:4700:4700::1111",
                "2001:4860:4860::8888",
                "::ffff:8.8.8.8",
                "64:ff9b::808:808",
                "2002:808:808::1"
            })
    void shouldAllowPublicAddresses(String address) throws Exception {
        assertThat(AddressRules.refusal(InetAddress.getByName(address)))
                .as(address)
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.1.1.1,10.0.0.1", "127.0.0.1,8.8.8.8"})
    void shouldRefuseAHostWhenAnyOfItsAddressesIsNotPublic(String addresses) throws Exception {
        String[] parts = addresses.split(",");
        InetAddress[] all = {InetAddress.getByName(parts[0]), InetAddress.getByName(parts[1])};
        assertThat(AddressRules.refusal(all)).isPresent();
    }
}
