package io.tienda.gateway.clientip;

import java.util.Arrays;

/**
 * Reads an IP address written out as text, and nothing else, and writes an address in its one
 * spelling ({@link #format}). {@link java.net.InetAddress#getByName}
 * is not used: whatever it does not take for a literal it looks up in DNS, which blocks the event
 * loop and lets whoever controls a name choose the address. Its IPv4 is also lax ({@code 1.2.3}
 * is 1.2.0.3).
 *
 * <p>Accepted: IPv4 as four decimal octets 0-255, and IPv6 as in RFC 4291 (one {@code ::} for a run
 * of zero groups, an IPv4 tail). An octet with a leading zero is refused, as some parsers read it as
 * octal (RFC 6943): {@code 010.0.0.1} is not the same address to everyone. So are brackets, ports
 * and zone ids ({@code fe80::1%eth0}), which X-Forwarded-For does not carry and which mean nothing
 * off the host that wrote them. An IPv4-mapped address ({@code ::ffff:10.0.0.1}) is its IPv4
 * address, as it is to {@link java.net.InetAddress}.
 */
final class IpLiteral {

    /** The longest IPv6 text, {@code ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255}. */
    private static final int MAX_LENGTH = 45;
    private static final int IPV6_GROUPS = 8;

    private IpLiteral() {
    }

    /** The address's 4 or 16 bytes, or {@code null} when {@code text} is not an IP literal. */
    static byte[] parse(String text) {
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            return null;
        }
        return text.indexOf(':') < 0 ? ipv4(text) : ipv6(text);
    }

    private static byte[] ipv4(String text) {
        byte[] bytes = new byte[4];
        int octet = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i < text.length() && text.charAt(i) != '.') {
                continue;
            }
            if (octet == bytes.length) {
                return null;
            }
            int value = octet(text, start, i);
            if (value < 0) {
                return null;
            }
            bytes[octet++] = (byte) value;
            start = i + 1;
        }
        return octet == bytes.length ? bytes : null;
    }

    /** Decimal 0-255 without a leading zero, or -1. */
    private static int octet(String text, int from, int to) {
        int length = to - from;
        if (length < 1 || length > 3 || (length > 1 && text.charAt(from) == '0')) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= 255 ? value : -1;
    }

    private static byte[] ipv6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        int[] head = groups(gap < 0 ? text : text.substring(0, gap), gap < 0);
        int[] tail = gap < 0 ? new int[0] : groups(text.substring(gap + 2), true);
        if (head == null || tail == null) {
            return null;
        }
        int written = head.length + tail.length;
        // Without "::" all eight groups are written; with it, it stands for at least one.
        if (gap < 0 ? written != IPV6_GROUPS : written >= IPV6_GROUPS) {
            return null;
        }
        byte[] bytes = new byte[2 * IPV6_GROUPS];
        for (int i = 0; i < head.length; i++) {
            put(bytes, i, head[i]);
        }
        for (int i = 0; i < tail.length; i++) {
            put(bytes, IPV6_GROUPS - tail.length + i, tail[i]);
        }
        return unmapped(bytes);
    }

    /** The 16-bit groups of a colon-separated run; an IPv4 tail counts as two. {@code null} if malformed. */
    private static int[] groups(String run, boolean endsTheAddress) {
        if (run.isEmpty()) {
            return new int[0];
        }
        String[] fields = run.split(":", -1);
        String last = fields[fields.length - 1];
        boolean ipv4Tail = endsTheAddress && last.indexOf('.') >= 0;
        int[] groups = new int[fields.length + (ipv4Tail ? 1 : 0)];
        if (groups.length > IPV6_GROUPS) {
            return null;
        }
        int hexFields = ipv4Tail ? fields.length - 1 : fields.length;
        for (int i = 0; i < hexFields; i++) {
            groups[i] = hexGroup(fields[i]);
            if (groups[i] < 0) {
                return null;
            }
        }
        if (ipv4Tail) {
            byte[] ipv4 = ipv4(last);
            if (ipv4 == null) {
                return null;
            }
            groups[hexFields] = (ipv4[0] & 0xFF) << 8 | (ipv4[1] & 0xFF);
            groups[hexFields + 1] = (ipv4[2] & 0xFF) << 8 | (ipv4[3] & 0xFF);
        }
        return groups;
    }

    /** One to four ASCII hex digits, or -1. */
    private static int hexGroup(String field) {
        if (field.isEmpty() || field.length() > 4) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            int digit;
            if (c >= '0' && c <= '9') {
                digit = c - '0';
            }
            else if (c >= 'a' && c <= 'f') {
                digit = c - 'a' + 10;
            }
            else if (c >= 'A' && c <= 'F') {
                digit = c - 'A' + 10;
            }
            else {
                return -1;
            }
            value = value << 4 | digit;
        }
        return value;
    }

    private static void put(byte[] bytes, int group, int value) {
        bytes[2 * group] = (byte) (value >>> 8);
        bytes[2 * group + 1] = (byte) value;
    }

    private static boolean ipv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF;
    }

    /**
     * The one spelling of an address, so that every way of writing it is one rate-limit key and one
     * text in the logs and the services: IPv4 in dotted decimal; IPv6 as RFC 5952 writes it (lowercase
     * hex without leading zeros, the longest run of two or more zero groups, the first of equals,
     * as {@code ::}); an IPv4-mapped address as its IPv4 address.
     */
    static String format(byte[] address) {
        byte[] bytes = unmapped(address);
        return bytes.length == 4 ? ipv4Text(bytes) : ipv6Text(bytes);
    }

    /** The IPv4 address inside an IPv4-mapped IPv6 address; any other address as it is. */
    static byte[] unmapped(byte[] address) {
        return address.length == 16 && ipv4Mapped(address) ? Arrays.copyOfRange(address, 12, 16) : address;
    }

    private static String ipv4Text(byte[] bytes) {
        StringBuilder text = new StringBuilder(15);
        for (int i = 0; i < 4; i++) {
            if (i > 0) {
                text.append('.');
            }
            text.append(bytes[i] & 0xFF);
        }
        return text.toString();
    }

    private static String ipv6Text(byte[] bytes) {
        int[] groups = new int[IPV6_GROUPS];
        for (int i = 0; i < IPV6_GROUPS; i++) {
            groups[i] = (bytes[2 * i] & 0xFF) << 8 | (bytes[2 * i + 1] & 0xFF);
        }
        int gapStart = -1;
        int gapLength = 1; // a single zero group stays written out
        for (int i = 0; i < IPV6_GROUPS; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int end = i;
            while (end < IPV6_GROUPS && groups[end] == 0) {
                end++;
            }
            if (end - i > gapLength) {
                gapStart = i;
                gapLength = end - i;
            }
            i = end;
        }
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < IPV6_GROUPS; i++) {
            if (i == gapStart) {
                text.append("::");
                i += gapLength - 1;
                continue;
            }
            if (i > 0 && i != gapStart + gapLength) {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
