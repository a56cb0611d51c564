package cn.invoicehelp.escalation;

import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who can answer hand-offs right now: an agent is online while at least one console connection of theirs is open,
 * unless they set themselves away. Kept in memory: after a restart the consoles reconnect and are online again.
 */
@Service
public class AgentPresence {

    /** One agent's presence; {@code status} is "online" or "away". */
    public record Status(String username, String displayName, String status) {
    }

    private static final class Entry {
        final String displayName;
        final Set<String> connections = new HashSet<>();
        boolean away;

        Entry(String displayName) {
            this.displayName = displayName;
        }
    }

    private final Map<String, Entry> agents = new ConcurrentHashMap<>();

    public void connected(Agent agent, String connectionId) {
        agents.compute(agent.username(), (name, entry) -> {
            Entry e = entry == null ? new Entry(agent.displayName()) : entry;
            e.connections.add(connectionId);
            return e;
        });
    }

    public void disconnected(String username, String connectionId) {
        agents.computeIfPresent(username, (name, entry) -> {
            entry.connections.remove(connectionId);
            return entry.connections.isEmpty() ? null : entry;
        });
    }

    /** Away or back; only for an agent with an open console. Returns false when they have none. */
    public boolean setAway(String username, boolean away) {
        return agents.computeIfPresent(username, (name, entry) -> {
            entry.away = away;
            return entry;
        }) != null;
    }

    public List<Status> agents() {
        List<Status> all = new ArrayList<>();
        agents.forEach((name, e) -> all.add(new Status(name, e.displayName, e.away ? "away" : "online")));
        all.sort(Comparator.comparing(Status::username));
        return all;
    }

    public int available() {
        return (int) agents.values().stream().filter(e -> !e.away).count();
    }
}
