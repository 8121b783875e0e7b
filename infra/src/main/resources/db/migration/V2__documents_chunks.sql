-- A candidate's documents and their chunks. A document is identified by its file name within the
-- candidate: a new file of the same name replaces the old one (its chunks, in one transaction).
CREATE TABLE document (
    id            uuid PRIMARY KEY,
    candidate_id  uuid        NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
    name          text        NOT NULL,
    title         text        NOT NULL,
    format        text        NOT NULL,
    size_bytes    bigint      NOT NULL,
    -- SHA-256 of the file's bytes (and the index version): the same bytes again are skipped, not re-embedded.
    content_hash  text        NOT NULL,
    chunk_count   int         NOT NULL,
    -- The ingestion that stored this version, and where its original now lives.
    ingestion_id  uuid        NOT NULL,
    object_key    text        NOT NULL,
    stored_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (candidate_id, name)
);

CREATE TABLE chunk (
    id           uuid PRIMARY KEY,
    document_id  uuid        NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    -- Copied from the document so every search filters on it without a join.
    candidate_id uuid        NOT NULL,
    ord          int         NOT NULL,
    -- Where in the document: the heading path ('경력 > 한빛페이') and the place ('page 2', 'paragraph 4').
    section      text        NOT NULL,
    location     text        NOT NULL,
    text         text        NOT NULL,
    tokens       int         NOT NULL,
    -- Korean-aware terms computed in Java (Nori, see KeywordAnalyzer), space-separated; PostgreSQL keeps
    -- them as a 'simple' tsvector, so it needs no Korean dictionary.
    keyword_text text        NOT NULL,
    keywords     tsvector    GENERATED ALWAYS AS (to_tsvector('simple', keyword_text)) STORED,
    embedding    vector(384) NOT NULL,
    UNIQUE (document_id, ord)
);
-- Every question searches one candidate's few dozen chunks: an exact scan of those rows is both the
-- fastest and exact. The HNSW index serves searches across candidates (none today) and big candidates,
-- with iterative scans so a candidate filter never starves it.
CREATE INDEX chunk_candidate_idx ON chunk (candidate_id);
CREATE INDEX chunk_keywords_idx ON chunk USING gin (keywords);
CREATE INDEX chunk_embedding_idx ON chunk USING hnsw (embedding vector_cosine_ops);

-- Every ingestion, from the moment it is known (upload or drop) to its final stage; the progress stream
-- falls back to this row once the topic no longer holds the events.
CREATE TABLE ingestion (
    id           uuid PRIMARY KEY,
    candidate_id uuid        REFERENCES candidate (id) ON DELETE CASCADE,
    object_key   text        NOT NULL,
    file_name    text        NOT NULL,
    document_id  uuid,
    stage        text        NOT NULL,
    done         int         NOT NULL DEFAULT 0,
    total        int         NOT NULL DEFAULT 0,
    reason       text,
    code         text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ingestion_candidate_idx ON ingestion (candidate_id, created_at);
