package io.tienda.gateway.clientip;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import java.net.Inet6Address;
import java.net.InetAddress;
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

    @ParameterizedTest
    @ValueSource(strings = {
            "evil.example.com", "1.2.3.4, <script>",
            // Host names and near-addresses spelt only with hex digits, dots and colons.
            "dead.beef", "bad.cafe", "cafe::beef.example", "1.2.3.4.5", "1.2.3", "1.2.3.", "256.1.2.3",
            // Leading zeros read as octal to some parsers (010 = 8): ambiguous, so refused.
            "01.2.3.4", "1.2.3.04",
            // The address alone: no brackets, port or zone.
            "[::1]", "[2001:db8::42]", "203.0.113.7:4711", "fe80::1%eth0",
            "2001:db8::42::1", "2001:db8:0:0:0:0:0:0:42", "2001:db8:::42", ":2001:db8::42", "::1.2.3",
            // Garbage nearest to us hides whatever a client wrote further left.
            "203.0.113.7, dead.beef"})
    void garbageInTheHeaderIsNeverBelievedNorLookedUp(String forwardedFor) {
        assertThat(resolver.resolve(request("10.1.2.3", forwardedFor))).isEqualTo("10.1.2.3");
    }

    @Test
    void everyIpv6SpellingIsAnAddress() {
        assertThat(resolver.resolve(request("10.1.2.3", "2001:0DB8:0000:0000:0000:0000:0000:0042"))).isEqualTo("2001:db8::42");
        assertThat(resolver.resolve(request("10.1.2.3", "64:ff9b::203.0.113.7"))).isEqualTo("64:ff9b::cb00:7107");
        // An IPv4-mapped address is the IPv4 address: this one is one of our proxies.
        assertThat(resolver.resolve(request("10.1.2.3", "203.0.113.7, ::ffff:10.9.9.9"))).isEqualTo("203.0.113.7");
        assertThat(resolver.resolve(request("fd00::1", "2001:db8::42, fd12:3456::7"))).isEqualTo("2001:db8::42");
    }

    /** Otherwise a client behind a proxy could draw on one rate-limit bucket per spelling of its address. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1.2.3.4                                 | 1.2.3.4
            ::ffff:1.2.3.4                          | 1.2.3.4
            ::FFFF:102:304                          | 1.2.3.4
            0:0:0:0:0:ffff:0102:0304                | 1.2.3.4
            2001:db8::1                             | 2001:db8::1
            2001:DB8::1                             | 2001:db8::1
            2001:db8:0:0:0:0:0:1                    | 2001:db8::1
            2001:0db8:0000:0000:0000:0000:0000:0001 | 2001:db8::1
            2001:db8::0:1                           | 2001:db8::1
            2001:db8:0:0:1:0:0:1                    | 2001:db8::1:0:0:1
            2001:db8:0:1:1:1:1:1                    | 2001:db8:0:1:1:1:1:1
            """)
    void aBelievedAddressIsAnsweredInOneSpelling(String forwardedFor, String client) {
        assertThat(resolver.resolve(request("10.1.2.3", forwardedFor))).isEqualTo(client);
        assertThat(resolver.resolve(request("10.1.2.3", forwardedFor + ", 192.168.1.10"))).isEqualTo(client);
    }

    @Test
    void everyProxyListedIsAnsweredInTheSameSpelling() {
        // Every hop is one of our proxies: the farthest is the client.
        assertThat(resolver.resolve(request("fd00::1", "FD00:0:0:0:0:0:0:7, fd00::1"))).isEqualTo("fd00::7");
        assertThat(resolver.resolve(request("10.1.2.3", "::ffff:10.9.9.9"))).isEqualTo("10.9.9.9");
    }

    @Test
    void thePeerIsAnsweredInTheSameSpelling() throws Exception {
        assertThat(resolver.resolve(request("0:0:0:0:0:0:0:1", "203.0.113.7"))).isEqualTo("::1");
        assertThat(resolver.resolve(request("2001:db8:0:0:0:0:0:42", null))).isEqualTo("2001:db8::42");
        // A zone means nothing off this host, and the JDK would write it (fe80:0:0:0:0:0:0:1%3).
        byte[] linkLocal = IpLiteral.parse("fe80::1");
        assertThat(resolver.resolve(request(Inet6Address.getByAddress(null, linkLocal, 3), null))).isEqualTo("fe80::1");
        // An IPv4 peer on a dual-stack socket, should it come as IPv4-mapped IPv6: trusted, and written as IPv4.
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 10, 1, 2, 3};
        InetAddress mappedPeer = Inet6Address.getByAddress(null, mapped, -1);
        assertThat(resolver.resolve(request(mappedPeer, null))).isEqualTo("10.1.2.3");
        assertThat(resolver.resolve(request(mappedPeer, "203.0.113.7"))).isEqualTo("203.0.113.7");
    }

    @Test
    void anExchangeIsResolvedOnce() {
        MockServerWebExchange exchange = MockServerWebExchange.from(request("10.1.2.3", "2001:DB8::42"));
        String client = resolver.resolve(exchange);
        assertThat(client).isEqualTo("2001:db8::42");
        assertThat(resolver.resolve(exchange)).isSameAs(client);
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

    @ParameterizedTest
    @ValueSource(strings = {
            "dead.beef", "1.2.3/8", "1.2.3.4.5", "010.0.0.0/8", "[::1]", "::1/129", "fe80::%eth0/10",
            "10.0.0.0/", "10.0.0.0/+8", "10.0.0.0/08", "10.0.0.0/8/8", "10.0.0.0/ 8", "/8"})
    void aProxyEntryThatIsNotAnAddressOrRangeFailsAtStartUp(String entry) {
        assertThatIllegalArgumentException().isThrownBy(() -> AddressRange.parse(entry));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ClientIpResolver(new ClientIpProperties(List.of("10.0.0.0/8", entry))));
    }

    private static MockServerHttpRequest request(String peer, String forwardedFor) {
        return request(new InetSocketAddress(peer, 40000).getAddress(), forwardedFor);
    }

    private static MockServerHttpRequest request(InetAddress peer, String forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> builder = MockServerHttpRequest.get("/api/v1/products")
                .remoteAddress(new InetSocketAddress(peer, 40000));
        if (forwardedFor != null) {
            builder.header("X-Forwarded-For", forwardedFor);
        }
        return builder.build();
    }
}
