-- Every answered turn of a session, durable: the conversation survives restarts of any service, and Redis
-- can be lost without losing memory.
CREATE TABLE turn (
    request_id    uuid PRIMARY KEY,
    session_id    uuid        NOT NULL REFERENCES chat_session (id) ON DELETE CASCADE,
    -- 1, 2, 3 … within the session: one turn runs at a time, so the order is the order of answers.
    seq           int         NOT NULL,
    question      text        NOT NULL,
    answer        text        NOT NULL,
    refused       boolean     NOT NULL,
    citations     jsonb       NOT NULL,
    -- BPE tokens (cl100k) of question + answer: what the turn costs when sent back verbatim.
    tokens        int         NOT NULL,
    input_tokens  int         NOT NULL,
    output_tokens int         NOT NULL,
    ttft_ms       bigint      NOT NULL,
    total_ms      bigint      NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (session_id, seq)
);

-- A session's running summary: every turn up to folded_through is in it; later turns are kept verbatim
-- until they no longer fit the recent-turns budget, then folded in (never the whole history again).
CREATE TABLE session_memory (
    session_id     uuid PRIMARY KEY REFERENCES chat_session (id) ON DELETE CASCADE,
    summary        text        NOT NULL,
    summary_tokens int         NOT NULL,
    folded_through int         NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now()
);
