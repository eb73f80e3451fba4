package io.tienda.gateway.clientip;

/** One trusted-proxy entry: a single address ({@code 10.1.2.3}) or a CIDR range ({@code 10.0.0.0/8}). */
final class AddressRange {

    private final byte[] network;
    private final int prefixBits;

    private AddressRange(byte[] network, int prefixBits) {
        this.network = network;
        this.prefixBits = prefixBits;
    }

    /** Refuses anything but an address literal and an optional decimal prefix length (see {@link IpLiteral}). */
    static AddressRange parse(String value) {
        String text = value.trim();
        int slash = text.indexOf('/');
        byte[] network = IpLiteral.parse(slash < 0 ? text : text.substring(0, slash));
        if (network == null) {
            throw new IllegalArgumentException("Trusted proxy '" + value + "' is not an IP address or CIDR range");
        }
        int bits = slash < 0 ? network.length * 8 : prefixLength(text.substring(slash + 1));
        if (bits < 0 || bits > network.length * 8) {
            throw new IllegalArgumentException("Trusted proxy '" + value + "' has an invalid prefix length");
        }
        return new AddressRange(network, bits);
    }

    /** One to three decimal digits without a sign or a leading zero, or -1. */
    private static int prefixLength(String text) {
        if (text.isEmpty() || text.length() > 3 || (text.length() > 1 && text.charAt(0) == '0')) {
            return -1;
        }
        int bits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            bits = bits * 10 + (c - '0');
        }
        return bits;
    }

    /** {@code address} is 4 or 16 bytes; an address of the other family never matches. */
    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int fullBytes = prefixBits / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int remainder = prefixBits % 8;
        if (remainder == 0) {
            return true;
        }
        int mask = 0xFF << (8 - remainder);
        return (address[fullBytes] & mask) == (network[fullBytes] & mask);
    }
}
