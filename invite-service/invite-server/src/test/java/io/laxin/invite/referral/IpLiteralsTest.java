package io.laxin.invite.referral;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.invite.shared.IpLiterals;
import org.junit.jupiter.api.Test;

class IpLiteralsTest {

    @Test
    void shouldTakeAddressesWrittenAsAddresses() {
        for (String ip :
                new String[] {"203.0.113.7", "0.0.0.0", "255.255.255.255", "2001:db8::1", "::1", "::ffff:203.0.113.7"
                }) {
            assertThat(IpLiterals.valid(ip)).as(ip).isTrue();
        }
    }

    @Test
    void shouldRefuseNamesAndAnythingElseWithoutAskingDns() {
        for (String ip : new String[] {
            "localhost",
            "example.com",
            "256.1.1.1",
            "01.2.3.4",
            "1.2.3",
            "1.2.3.4.5",
            "2001:db8::g",
            ":::",
            "",
            "1.2.3.4 ",
            null
        }) {
            assertThat(IpLiterals.valid(ip)).as(String.valueOf(ip)).isFalse();
        }
    }
}
