package io.tienda.gateway.clientip;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** One trusted-proxy entry: a single address ({@code 10.1.2.3}) or a CIDR range ({@code 10.0.0.0/8}). */
final class AddressRange {

    private final byte[] network;
    private final int prefixBits;

    private AddressRange(byte[] network, int prefixBits) {
        this.network = network;
        this.prefixBits = prefixBits;
    }

    static AddressRange parse(String value) {
        String text = value.trim();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        if (!AddressRange.isLiteral(address)) {
            throw new IllegalArgumentException("Trusted proxy '" + value + "' is not an IP address or CIDR range");
        }
        byte[] network = toBytes(address);
        int bits = slash < 0 ? network.length * 8 : Integer.parseInt(text.substring(slash + 1));
        if (bits < 0 || bits > network.length * 8) {
            throw new IllegalArgumentException("Trusted proxy '" + value + "' has an invalid prefix length");
        }
        return new AddressRange(network, bits);
    }

    /** {@code address} must be a literal (see {@link #isLiteral}); anything else never matches. */
    boolean contains(String address) {
        byte[] candidate;
        try {
            candidate = toBytes(address);
        }
        catch (IllegalArgumentException notAnAddress) {
            return false;
        }
        if (candidate.length != network.length) {
            return false;
        }
        int fullBytes = prefixBits / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int remainder = prefixBits % 8;
        if (remainder == 0) {
            return true;
        }
        int mask = 0xFF << (8 - remainder);
        return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    /** Only digits, hex, dots and colons: a host name here must never turn into a DNS lookup. */
    static boolean isLiteral(String value) {
        if (value.isEmpty() || value.length() > 45 || (value.indexOf('.') < 0 && value.indexOf(':') < 0)) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex && c != '.' && c != ':') {
                return false;
            }
        }
        return true;
    }

    private static byte[] toBytes(String literal) {
        if (!isLiteral(literal)) {
            throw new IllegalArgumentException("Not an IP literal: " + literal);
        }
        try {
            // A literal is parsed locally, never resolved.
            return InetAddress.getByName(literal).getAddress();
        }
        catch (UnknownHostException malformed) {
            throw new IllegalArgumentException("Not an IP literal: " + literal, malformed);
        }
    }
}
