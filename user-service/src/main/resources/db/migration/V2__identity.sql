-- Identity: credentials, sessions, one-time tokens, throttling, audit, signing keys, profile and addresses.

-- Accounts are ACTIVE, DEACTIVATED by an admin, or ERASED at their owner's request (anonymised, kept
-- only so the id other services hold still resolves to "nobody").
ALTER TABLE users DROP CONSTRAINT users_status_check;
UPDATE users SET status = 'DEACTIVATED' WHERE status = 'DISABLED';
ALTER TABLE users ADD CONSTRAINT users_status_check CHECK (status IN ('ACTIVE', 'DEACTIVATED', 'ERASED'));

-- A name is optional at sign-up and deleted on erasure.
ALTER TABLE users ALTER COLUMN display_name DROP NOT NULL;

ALTER TABLE users
    ADD COLUMN phone                TEXT CHECK (phone ~ '^\+[1-9][0-9]{1,14}$'),
    ADD COLUMN language             TEXT        NOT NULL DEFAULT 'es' CHECK (language IN ('es', 'en')),
    ADD COLUMN currency             TEXT        NOT NULL DEFAULT 'EUR' CHECK (currency ~ '^[A-Z]{3}$'),
    ADD COLUMN marketing_consent    BOOLEAN     NOT NULL DEFAULT FALSE,
    -- when the shopper last gave or withdrew consent; the history is in consent_events
    ADD COLUMN marketing_consent_at TIMESTAMPTZ,
    ADD COLUMN password_changed_at  TIMESTAMPTZ,
    ADD COLUMN erased_at            TIMESTAMPTZ,
    ADD CONSTRAINT users_erased_consistent CHECK ((status = 'ERASED') = (erased_at IS NOT NULL));

-- Admin listing, newest accounts first.
CREATE INDEX users_created_at_idx ON users (created_at DESC, id);

-- Every grant and withdrawal of consent, as proof of what the shopper agreed to and when.
CREATE TABLE consent_events
(
    id      BIGSERIAL PRIMARY KEY,
    user_id UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose TEXT        NOT NULL CHECK (purpose IN ('MARKETING')),
    granted BOOLEAN     NOT NULL,
    at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX consent_events_user_idx ON consent_events (user_id, at);

-- The address book. At most one default address per type, enforced by the database.
CREATE TABLE addresses
(
    id          UUID PRIMARY KEY,
    user_id     UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    type        TEXT        NOT NULL CHECK (type IN ('SHIPPING', 'BILLING')),
    name        TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    line1       TEXT        NOT NULL CHECK (length(line1) BETWEEN 1 AND 200),
    line2       TEXT CHECK (length(line2) <= 200),
    city        TEXT        NOT NULL CHECK (length(city) BETWEEN 1 AND 100),
    region      TEXT CHECK (length(region) <= 100),
    postal_code TEXT        NOT NULL CHECK (length(postal_code) BETWEEN 1 AND 20),
    country     TEXT        NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    phone       TEXT CHECK (phone ~ '^\+[1-9][0-9]{1,14}$'),
    is_default  BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX addresses_user_idx ON addresses (user_id, created_at);
CREATE UNIQUE INDEX addresses_one_default_per_type ON addresses (user_id, type) WHERE is_default;

-- A session: the chain of refresh tokens one sign-in produced. Its id is the `sid` claim of the
-- access tokens issued in it. Revoking the family ends the session on every device that holds a
-- token of it.
CREATE TABLE refresh_token_families
(
    id             UUID PRIMARY KEY,
    user_id        UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at     TIMESTAMPTZ NOT NULL,
    last_used_at   TIMESTAMPTZ NOT NULL,
    -- the newest token's expiry: the session ends then unless it is refreshed
    expires_at     TIMESTAMPTZ NOT NULL,
    ip             TEXT,
    user_agent     TEXT,
    revoked_at     TIMESTAMPTZ,
    revoked_reason TEXT CHECK (revoked_reason IN
                               ('LOGOUT', 'REUSE_DETECTED', 'PASSWORD_CHANGED', 'PASSWORD_RESET', 'DEACTIVATED',
                                'ERASED')),
    CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL))
);
CREATE INDEX refresh_token_families_user_idx ON refresh_token_families (user_id) WHERE revoked_at IS NULL;
CREATE INDEX refresh_token_families_expires_idx ON refresh_token_families (expires_at);

-- Refresh tokens are stored as SHA-256 of the token: a copy of this table signs nobody in.
CREATE TABLE refresh_tokens
(
    token_hash BYTEA PRIMARY KEY CHECK (length(token_hash) = 32),
    family_id  UUID        NOT NULL REFERENCES refresh_token_families (id) ON DELETE CASCADE,
    issued_at  TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    -- set when the token was exchanged for its successor; presenting it again is reuse
    used_at    TIMESTAMPTZ
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);

-- Email verification and password reset tokens: single use, expiring, stored as SHA-256.
CREATE TABLE one_time_tokens
(
    token_hash BYTEA PRIMARY KEY CHECK (length(token_hash) = 32),
    user_id    UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    TEXT        NOT NULL CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD')),
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);
CREATE INDEX one_time_tokens_user_idx ON one_time_tokens (user_id, purpose, created_at);
CREATE INDEX one_time_tokens_expires_idx ON one_time_tokens (expires_at);

-- Forgot-password requests wait here for a background worker, so that the request itself does the
-- same work whether or not the address has an account (no enumeration by answer or by timing).
CREATE TABLE password_reset_requests
(
    id           BIGSERIAL PRIMARY KEY,
    email        TEXT        NOT NULL CHECK (length(email) <= 254),
    requested_at TIMESTAMPTZ NOT NULL
);

-- Failed sign-ins per account (key 'account:<sha-256 of the lower-cased email>', so unknown addresses
-- are throttled exactly like known ones) and per client IP ('ip:<address>'). Shared by all replicas.
CREATE TABLE login_throttle
(
    key               TEXT PRIMARY KEY,
    failures          INT         NOT NULL DEFAULT 0 CHECK (failures >= 0),
    window_started_at TIMESTAMPTZ,
    last_failure_at   TIMESTAMPTZ,
    lockouts          INT         NOT NULL DEFAULT 0 CHECK (lockouts >= 0),
    locked_until      TIMESTAMPTZ,
    next_attempt_at   TIMESTAMPTZ
);
CREATE INDEX login_throttle_last_failure_idx ON login_throttle (last_failure_at);

-- Every sign-in attempt, successful or not.
CREATE TABLE login_audit
(
    id         BIGSERIAL PRIMARY KEY,
    user_id    UUID REFERENCES users (id) ON DELETE SET NULL,
    -- SHA-256 of the lower-cased email that was typed: attempts on unknown addresses stay comparable
    -- without storing addresses that belong to nobody here
    email_hash TEXT,
    ip         TEXT,
    user_agent TEXT,
    outcome    TEXT        NOT NULL CHECK (outcome IN
                                           ('SUCCESS', 'INVALID_CREDENTIALS', 'THROTTLED', 'DEACTIVATED')),
    at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX login_audit_user_idx ON login_audit (user_id, at);
CREATE INDEX login_audit_at_idx ON login_audit (at);
CREATE INDEX login_audit_email_idx ON login_audit (email_hash);

-- RSA keys that sign access tokens, shared by every replica. The private key is AES-256-GCM
-- ciphertext under the key-encryption key (kek_id names which one); it is deleted when the key is
-- retired, while the public key stays published until every token it signed has expired.
CREATE TABLE signing_keys
(
    kid         TEXT PRIMARY KEY,
    algorithm   TEXT        NOT NULL DEFAULT 'RS256' CHECK (algorithm = 'RS256'),
    public_key  BYTEA       NOT NULL,
    private_key BYTEA,
    kek_id      TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    retired_at  TIMESTAMPTZ,
    CHECK (retired_at IS NOT NULL OR private_key IS NOT NULL)
);
-- Exactly one key signs at any time.
CREATE UNIQUE INDEX signing_keys_one_current ON signing_keys ((TRUE)) WHERE retired_at IS NULL;

-- Local development only (tienda.users.dev-mode): the key-encryption key generated on first start
-- when TIENDA_USERS_KEY_ENCRYPTION_KEY is not set. Production never reads or writes this table.
CREATE TABLE dev_key_encryption_key
(
    id         INT PRIMARY KEY CHECK (id = 1),
    key_bytes  BYTEA       NOT NULL CHECK (length(key_bytes) = 32),
    created_at TIMESTAMPTZ NOT NULL
);
