-- Platform tables every PostgreSQL service gets, before its own migrations (V1 and up).

-- The outbox: Spring Modulith's event publication registry (schema v2 of spring-modulith 2.0).
CREATE TABLE IF NOT EXISTS event_publication
(
    id                     UUID                     NOT NULL PRIMARY KEY,
    listener_id            TEXT                     NOT NULL,
    event_type             TEXT                     NOT NULL,
    serialized_event       TEXT                     NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE,
    status                 TEXT,
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP WITH TIME ZONE
);
CREATE INDEX IF NOT EXISTS event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX IF NOT EXISTS event_publication_by_completion_date_idx ON event_publication (completion_date);

-- The inbox: which consumer already applied which message (idempotent consumers).
CREATE TABLE IF NOT EXISTS tienda_inbox
(
    consumer    TEXT                     NOT NULL,
    event_id    UUID                     NOT NULL,
    event_type  TEXT                     NOT NULL,
    topic       TEXT                     NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX IF NOT EXISTS tienda_inbox_received_at_idx ON tienda_inbox (received_at);
