-- The vector extension is part of the schema from the start: documents and chunks (pgvector) follow.
CREATE EXTENSION IF NOT EXISTS vector;

-- Bearer API keys, stored as SHA-256 of the key: keys are 256-bit random, so a fast hash is enough
-- and a leaked table reveals no usable key.
CREATE TABLE api_key (
    key_hash   text PRIMARY KEY,
    name       text        NOT NULL,
    role       text        NOT NULL CHECK (role IN ('ADMIN', 'RECRUITER')),
    tenant     text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE candidate (
    id         uuid PRIMARY KEY,
    tenant     text        NOT NULL,
    name       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX candidate_tenant_idx ON candidate (tenant, created_at);

CREATE TABLE chat_session (
    id           uuid PRIMARY KEY,
    tenant       text        NOT NULL,
    candidate_id uuid        NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
    created_at   timestamptz NOT NULL DEFAULT now()
);
