package io.tienda.gateway.clientip;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

class IpLiteralTest {

    private static final byte[] MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF};

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

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1.2.3.4                                 | 1.2.3.4
            255.255.255.255                         | 255.255.255.255
            0.0.0.0                                 | 0.0.0.0
            ::ffff:1.2.3.4                          | 1.2.3.4
            ::FFFF:0102:0304                        | 1.2.3.4
            0:0:0:0:0:ffff:1.2.3.4                  | 1.2.3.4
            2001:DB8::1                             | 2001:db8::1
            2001:db8:0:0:0:0:0:1                    | 2001:db8::1
            2001:0db8:0000:0000:0000:0000:0000:0001 | 2001:db8::1
            ABCD:EF01:2345:6789:ABCD:EF01:2345:6789 | abcd:ef01:2345:6789:abcd:ef01:2345:6789
            2001:db8:0:1:1:1:1:1                    | 2001:db8:0:1:1:1:1:1
            2001:db8::1:1:1:1:1                     | 2001:db8:0:1:1:1:1:1
            2001:0:0:1:0:0:0:1                      | 2001:0:0:1::1
            2001:db8:0:0:1:0:0:1                    | 2001:db8::1:0:0:1
            0:0:1:0:0:0:0:1                         | 0:0:1::1
            0:0:0:0:0:0:0:0                         | ::
            0:0:0:0:0:0:0:1                         | ::1
            1:0:0:0:0:0:0:0                         | 1::
            1:0:0:0:0:0:0:1                         | 1::1
            0:1:2:3:4:5:6:0                         | 0:1:2:3:4:5:6:0
            1:2:3:4:5:6:7:8                         | 1:2:3:4:5:6:7:8
            fe80:0000:0000:0000:0a00:00ff:fe00:0001 | fe80::a00:ff:fe00:1
            ::1.2.3.4                               | ::102:304
            ::ffff:0:1.2.3.4                        | ::ffff:0:102:304
            64:ff9b::203.0.113.7                    | 64:ff9b::cb00:7107
            """)
    void writesEveryAddressInOneSpelling(String literal, String canonical) {
        // IPv4 dotted, IPv6 as in RFC 5952, an IPv4-mapped address as its IPv4 address.
        assertThat(IpLiteral.format(IpLiteral.parse(literal))).isEqualTo(canonical);
    }

    @RepeatedTest(200)
    void theSpellingIsAnAddressTheJdkReadsAlikeAndItsOwnSpelling() throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] address = new byte[random.nextBoolean() ? 4 : 16];
        random.nextBytes(address);
        // Zero groups at random places, so that runs of every length and position turn up.
        for (int group = 0; address.length == 16 && group < 8; group++) {
            if (random.nextInt(3) == 0) {
                address[2 * group] = 0;
                address[2 * group + 1] = 0;
            }
        }
        if (address.length == 16 && Arrays.equals(address, 0, 12, MAPPED_PREFIX, 0, 12)) {
            address[11] = 0; // an IPv4-mapped address is written as IPv4, checked above
        }
        String text = IpLiteral.format(address);
        assertThat(IpLiteral.parse(text)).as(text).isEqualTo(address);
        assertThat(IpLiteral.format(IpLiteral.parse(text))).isEqualTo(text);
        // Safe: the text was just read as a literal, so the JDK does not ask DNS either.
        assertThat(InetAddress.getByName(text).getAddress()).as(text).isEqualTo(address);
    }
}
