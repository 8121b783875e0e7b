-- Keys are managed by people (./protostar keys create|list|revoke): a short public id to name a key by (the first
-- 48 bits of its hash: revealing them reveals nothing usable), revocation that every instance reads within a
-- second, and the ops role for the management surface.
ALTER TABLE api_key ADD COLUMN id text GENERATED ALWAYS AS (substr(key_hash, 1, 12)) STORED;
CREATE UNIQUE INDEX api_key_id_idx ON api_key (id);
ALTER TABLE api_key ADD COLUMN revoked_at timestamptz;
CREATE INDEX api_key_revoked_idx ON api_key (revoked_at) WHERE revoked_at IS NOT NULL;
ALTER TABLE api_key DROP CONSTRAINT api_key_role_check;
ALTER TABLE api_key ADD CONSTRAINT api_key_role_check CHECK (role IN ('ADMIN', 'RECRUITER', 'OPS'));
