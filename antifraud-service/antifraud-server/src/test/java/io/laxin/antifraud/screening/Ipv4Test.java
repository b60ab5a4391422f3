package io.laxin.antifraud.screening;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.antifraud.screening.domain.Ipv4;
import org.junit.jupiter.api.Test;

class Ipv4Test {

    @Test
    void shouldComputeTheSlash24AndMatchCidrs() {
        assertThat(Ipv4.subnet24("10.1.2.3")).isEqualTo("10.1.2.0/24");
        assertThat(Ipv4.subnet24("2001:db8::1")).isNull();
        assertThat(Ipv4.subnet24("10.1.2.300")).isNull();
        assertThat(Ipv4.contains("10.1.0.0/16", "10.1.200.3")).isTrue();
        assertThat(Ipv4.contains("10.1.0.0/16", "10.2.0.3")).isFalse();
        assertThat(Ipv4.contains("10.1.2.3", "10.1.2.3")).isTrue();
        assertThat(Ipv4.contains("0.0.0.0/0", "8.8.8.8")).isTrue();
        assertThat(Ipv4.isCidr("10.0.0.0/33")).isFalse();
        assertThat(Ipv4.isCidr("nonsense")).isFalse();
    }
}
