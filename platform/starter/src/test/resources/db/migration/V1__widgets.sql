CREATE TABLE widgets
(
    id       UUID PRIMARY KEY,
    name     TEXT NOT NULL,
    quantity INT  NOT NULL,
    owner    TEXT NOT NULL
);

-- applied counts how many times the consumer's effect ran for one event: it must stay 1.
CREATE TABLE widget_effects
(
    event_id  UUID PRIMARY KEY,
    widget_id UUID NOT NULL,
    applied   INT  NOT NULL,
    trace_id  TEXT
);
