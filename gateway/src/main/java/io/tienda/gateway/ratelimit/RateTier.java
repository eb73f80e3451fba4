package io.tienda.gateway.ratelimit;

/** The rate-limit policies a route can be under; each has its own buckets and limits. */
public enum RateTier {

    /** Everything not listed below. */
    GENERAL,

    /** Login, registration, token refresh: brute-force targets, limited per client IP even with a token. */
    AUTH,

    /** Full-text search, the most expensive read. */
    SEARCH,

    /**
     * Staff and admin work on accounts and keys, whichever route it arrives on: see
     * {@link AdminRequests} for which requests these are.
     */
    ADMIN,

    /**
     * The files of the pages served through the gateway (the staff dashboard): a budget of their own,
     * so that loading a page, five files each time, spends none of the client's API budget.
     */
    PAGES
}
