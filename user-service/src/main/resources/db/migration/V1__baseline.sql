-- Everyone who can sign in: shoppers and staff. The id is the subject of their access tokens.
CREATE TABLE users
(
    id                UUID PRIMARY KEY,
    -- kept as typed; uniqueness ignores case (see users_email_unique)
    email             TEXT        NOT NULL CHECK (length(email) BETWEEN 3 AND 254 AND email LIKE '_%@_%'),
    -- an Argon2/bcrypt hash with its parameters; never the password
    password_hash     TEXT        NOT NULL CHECK (length(password_hash) > 0),
    display_name      TEXT        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
    roles             TEXT[]      NOT NULL DEFAULT ARRAY ['CUSTOMER'],
    status            TEXT        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DISABLED')),
    email_verified_at TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    version           BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT users_roles_known CHECK (cardinality(roles) > 0
        AND array_position(roles, NULL) IS NULL
        AND roles <@ ARRAY ['CUSTOMER', 'SUPPORT', 'MANAGER', 'ADMIN', 'ANALYST'])
);

-- One account per address however it is capitalised: Alice@Example.com is alice@example.com.
CREATE UNIQUE INDEX users_email_unique ON users (lower(email));
