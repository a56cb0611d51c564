package cn.invoicehelp.escalation;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who can answer hand-offs right now: an agent is online while at least one console connection of theirs is open,
 * unless they set themselves away.
 * <p>
 * Embedded default: kept in memory (one node; after a restart the consoles reconnect and are online again).
 * Several nodes ({@code helpdesk.handoff.shared-presence=true}, the production profile): the connections, the away
 * marks and a heartbeat per node are rows in the shared database, so a visitor on node A is told an agent on node B
 * is online, and an agent may set "away" through any node. A node's connections stop counting when its heartbeat is
 * older than {@link #NODE_EXPIRY} (a node killed with consoles open).
 */
@Service
public class AgentPresence {

    /** One agent's presence; {@code status} is "online" or "away". */
    public record Status(String username, String displayName, String status) {
    }

    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    static final Duration NODE_EXPIRY = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(AgentPresence.class);

    private static final class Entry {
        final String displayName;
        final Set<String> connections = new HashSet<>();
        boolean away;

        Entry(String displayName) {
            this.displayName = displayName;
        }
    }

    private final Map<String, Entry> agents = new ConcurrentHashMap<>();
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final boolean shared;
    private final String node = UUID.randomUUID().toString();

    AgentPresence(JdbcTemplate jdbc, Clock clock, @Value("${helpdesk.handoff.shared-presence:false}") boolean shared) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.shared = shared;
        if (shared) {
            heartbeat();
        }
    }

    public void connected(Agent agent, String connectionId) {
        if (shared) {
            jdbc.update("INSERT INTO agent_connection (node_id, connection_id, username, display_name, connected_at) "
                    + "VALUES (?, ?, ?, ?, ?)", node, connectionId, agent.username(), agent.displayName(), now());
            return;
        }
        agents.compute(agent.username(), (name, entry) -> {
            Entry e = entry == null ? new Entry(agent.displayName()) : entry;
            e.connections.add(connectionId);
            return e;
        });
    }

    public void disconnected(String username, String connectionId) {
        if (shared) {
            jdbc.update("DELETE FROM agent_connection WHERE node_id = ? AND connection_id = ?", node, connectionId);
            if (!online(username)) {
                jdbc.update("DELETE FROM agent_away WHERE username = ?", username); // back online = available
            }
            return;
        }
        agents.computeIfPresent(username, (name, entry) -> {
            entry.connections.remove(connectionId);
            return entry.connections.isEmpty() ? null : entry;
        });
    }

    /** Away or back; only for an agent with an open console. Returns false when they have none. */
    public boolean setAway(String username, boolean away) {
        if (shared) {
            if (!online(username)) {
                return false;
            }
            jdbc.update("DELETE FROM agent_away WHERE username = ?", username);
            if (away) {
                jdbc.update("INSERT INTO agent_away (username) VALUES (?)", username);
            }
            return true;
        }
        return agents.computeIfPresent(username, (name, entry) -> {
            entry.away = away;
            return entry;
        }) != null;
    }

    public List<Status> agents() {
        List<Status> all = new ArrayList<>();
        if (shared) {
            Map<String, Status> byName = new LinkedHashMap<>();
            jdbc.query("SELECT c.username, c.display_name, a.username AS away FROM agent_connection c "
                            + "JOIN cluster_node n ON n.node_id = c.node_id AND n.seen_at > ? "
                            + "LEFT JOIN agent_away a ON a.username = c.username ORDER BY c.username",
                    rs -> {
                        byName.putIfAbsent(rs.getString(1), new Status(rs.getString(1), rs.getString(2),
                                rs.getString(3) == null ? "online" : "away"));
                    }, Timestamp.from(clock.instant().minus(NODE_EXPIRY)));
            all.addAll(byName.values());
        } else {
            agents.forEach((name, e) -> all.add(new Status(name, e.displayName, e.away ? "away" : "online")));
        }
        all.sort(Comparator.comparing(Status::username));
        return all;
    }

    public int available() {
        if (shared) {
            return (int) agents().stream().filter(s -> "online".equals(s.status())).count();
        }
        return (int) agents.values().stream().filter(e -> !e.away).count();
    }

    private boolean online(String username) {
        return agents().stream().anyMatch(s -> s.username().equals(username));
    }

    /** This node is alive; nodes silent for long are forgotten with their connections. */
    @Scheduled(fixedDelayString = "PT10S", initialDelayString = "PT10S")
    void heartbeat() {
        if (!shared) {
            return;
        }
        try {
            Timestamp now = now();
            if (jdbc.update("UPDATE cluster_node SET seen_at = ? WHERE node_id = ?", now, node) == 0) {
                jdbc.update("INSERT INTO cluster_node (node_id, seen_at) VALUES (?, ?)", node, now);
            }
            Timestamp forgotten = Timestamp.from(clock.instant().minus(Duration.ofHours(1)));
            jdbc.update("DELETE FROM agent_connection WHERE node_id IN "
                    + "(SELECT node_id FROM cluster_node WHERE seen_at < ?)", forgotten);
            jdbc.update("DELETE FROM cluster_node WHERE seen_at < ?", forgotten);
        } catch (RuntimeException e) {
            LOG.warn("Agent presence heartbeat failed: {}", e.toString());
        }
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    /** For tests and logs: this node's id in the presence tables. */
    String node() {
        return node;
    }

    /** A node that shuts down cleanly takes its consoles with it at once (they reconnect to another node). */
    @PreDestroy
    void leave() {
        if (shared) {
            try {
                jdbc.update("DELETE FROM agent_connection WHERE node_id = ?", node);
                jdbc.update("DELETE FROM cluster_node WHERE node_id = ?", node);
            } catch (RuntimeException e) {
                LOG.debug("Leaving the presence tables failed", e);
            }
        }
    }
}
