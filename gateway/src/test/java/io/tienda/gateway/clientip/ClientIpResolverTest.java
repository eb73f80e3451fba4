package io.tienda.gateway.clientip;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import java.net.InetSocketAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClientIpResolverTest {

    private final ClientIpResolver resolver = new ClientIpResolver(
            new ClientIpProperties(List.of("10.0.0.0/8", "192.168.1.10", "fd00::/8")));

    @Test
    void anUntrustedPeerIsTheClientWhateverItClaims() {
        assertThat(resolver.resolve(request("203.0.113.5", "198.51.100.1"))).isEqualTo("203.0.113.5");
    }

    @Test
    void behindTrustedProxiesTheNearestUntrustedHopIsTheClient() {
        assertThat(resolver.resolve(request("10.1.2.3", "203.0.113.7"))).isEqualTo("203.0.113.7");
        // A client prepending a fake address does not get to choose.
        assertThat(resolver.resolve(request("10.1.2.3", "1.2.3.4, 203.0.113.7, 192.168.1.10"))).isEqualTo("203.0.113.7");
        assertThat(resolver.resolve(request("fd00::1", "2001:db8::42"))).isEqualTo("2001:db8::42");
    }

    @Test
    void aTrustedPeerWithoutForwardingIsItselfTheClient() {
        assertThat(resolver.resolve(request("10.1.2.3", null))).isEqualTo("10.1.2.3");
        assertThat(resolver.resolve(request("10.1.2.3", "10.9.9.9"))).isEqualTo("10.9.9.9");
    }

    @Test
    void garbageInTheHeaderIsNeverBelievedNorLookedUp() {
        assertThat(resolver.resolve(request("10.1.2.3", "evil.example.com"))).isEqualTo("10.1.2.3");
        assertThat(resolver.resolve(request("10.1.2.3", "1.2.3.4, <script>"))).isEqualTo("10.1.2.3");
    }

    @Test
    void noTrustedProxiesMeansTheHeaderIsIgnored() {
        ClientIpResolver direct = new ClientIpResolver(new ClientIpProperties(null));
        assertThat(direct.resolve(request("10.1.2.3", "203.0.113.7"))).isEqualTo("10.1.2.3");
    }

    @Test
    void aMisconfiguredProxyListFailsAtStartUp() {
        assertThatIllegalArgumentException().isThrownBy(() -> AddressRange.parse("proxy.internal"));
        assertThatIllegalArgumentException().isThrownBy(() -> AddressRange.parse("10.0.0.0/33"));
    }

    private static MockServerHttpRequest request(String peer, String forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> builder = MockServerHttpRequest.get("/api/v1/products")
                .remoteAddress(new InetSocketAddress(peer, 40000));
        if (forwardedFor != null) {
            builder.header("X-Forwarded-For", forwardedFor);
        }
        return builder.build();
    }
}
