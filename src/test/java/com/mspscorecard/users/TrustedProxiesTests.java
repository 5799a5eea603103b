package com.mspscorecard.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrustedProxiesTests {

    @Test
    void addressesBecomeSingleHostNetworks() {
        assertThat(TrustedProxies.cidrs(" 10.0.0.5, 192.168.0.0/16 ,::1,, 2001:db8::/48"))
                .containsExactly("10.0.0.5/32", "192.168.0.0/16", "::1/128", "2001:db8::/48");
        assertThat(TrustedProxies.cidrs("")).isEmpty();
        assertThat(TrustedProxies.cidrs(null)).isEmpty();
    }

    @Test
    void aRegexOrHostNameIsRefusedAtStartUp() {
        assertThatThrownBy(() -> TrustedProxies.cidrs("10\\.\\d+\\.\\d+\\.\\d+"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustedProxies.cidrs("proxy.internal")).isInstanceOf(IllegalArgumentException.class);
    }
}
