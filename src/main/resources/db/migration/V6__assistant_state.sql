-- Assistant memory per conversation (current flow, step, slots, steps done, misses) as JSON, so a restart resumes.
CREATE TABLE assistant_state (
    conversation_id UUID PRIMARY KEY,
    state           TEXT NOT NULL,
    version         BIGINT NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
