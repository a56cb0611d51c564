-- Conversations the bot handed over to a person: what was said and what was already tried.
CREATE TABLE handoff_request (
    id              UUID PRIMARY KEY,
    conversation_id UUID NOT NULL,
    transcript      VARCHAR NOT NULL,
    steps_done      VARCHAR,
    status          VARCHAR(32) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX handoff_request_by_status ON handoff_request (status, created_at);
CREATE INDEX handoff_request_by_conversation ON handoff_request (conversation_id);
