-- Agent presence shared by several nodes (production profile, helpdesk.handoff.shared-presence): one row per open
-- console connection and the node holding it, the agents who set themselves away, and each node's heartbeat. A
-- node's connections count only while its heartbeat is fresh, so a node killed with its consoles open drops out.
-- The embedded default keeps presence in memory and leaves these tables empty.
CREATE TABLE agent_connection (
    node_id       VARCHAR(64) NOT NULL,
    connection_id VARCHAR(100) NOT NULL,
    username      VARCHAR(60) NOT NULL,
    display_name  VARCHAR(100) NOT NULL,
    connected_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (node_id, connection_id)
);
CREATE INDEX ix_agent_connection_username ON agent_connection (username);

CREATE TABLE agent_away (
    username VARCHAR(60) PRIMARY KEY
);

CREATE TABLE cluster_node (
    node_id VARCHAR(64) PRIMARY KEY,
    seen_at TIMESTAMP WITH TIME ZONE NOT NULL
);
