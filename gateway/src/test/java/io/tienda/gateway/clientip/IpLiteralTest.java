package io.tienda.gateway.clientip;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;

class IpLiteralTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "0.0.0.0", "1.2.3.4", "10.0.0.1", "255.255.255.255", "203.0.113.7",
            "::", "::1", "1::", "2001:db8::42", "2001:DB8::42", "fe80::1:2", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7::",
            "::2:3:4:5:6:7:8", "2001:0db8:0000:0000:0000:0000:0000:0042", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
            "::ffff:1.2.3.4", "::ffff:0:1.2.3.4", "64:ff9b::203.0.113.7", "::1.2.3.4", "1:2:3:4:5:6:1.2.3.4",
            "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255"})
    void readsALiteralAsTheJdkDoes(String literal) throws Exception {
        // Safe here: each of these is a literal, so the JDK parses it without asking DNS.
        assertThat(IpLiteral.parse(literal)).isEqualTo(InetAddress.getByName(literal).getAddress());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "dead.beef", "bad.cafe", "cafe", "beef:", "1.2.3", "1.2.3.4.5", "1.2.3.", ".1.2.3", "1..2.3", "256.0.0.1",
            "1.2.3.-4", "+1.2.3.4", "1.2.3.4 ", "01.2.3.4", "1.2.3.00", "0x1.2.3.4", "1.2.3.٤",
            ":", ":::", "1:::2", "1::2::3", ":1::2", "1::2:", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:8::",
            "::1:2:3:4:5:6:7:8", "12345::", "g::1", "::1.2.3", "::01.2.3.4", "1.2.3.4::", "::1.2.3.4:5",
            "1:2:3:4:5:6:7:1.2.3.4", "[::1]", "[::1]:80", "1.2.3.4:80", "fe80::1%eth0", "fe80::1%2",
            "ffff:ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255"})
    void refusesAnythingElse(String text) {
        assertThat(IpLiteral.parse(text)).isNull();
    }
}
