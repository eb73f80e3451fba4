package io.tienda.platform.core;

/**
 * The postcode rule every address in the fleet meets, so that an address saved in the address book
 * (user-service) is one checkout ships to (order-service): checked on the value stripped of surrounding
 * white space.
 */
public final class PostalAddresses {

    /** 3 to 20 ASCII letters, digits, spaces or '-', beginning and ending with a letter or digit. */
    public static final String POSTCODE = "[A-Za-z0-9][A-Za-z0-9 -]{1,18}[A-Za-z0-9]";

    /** The rule in words, as a problem states it. */
    public static final String POSTCODE_RULE =
            "3 to 20 letters, digits, spaces or '-', beginning and ending with a letter or digit";

    private PostalAddresses() {
    }
}
