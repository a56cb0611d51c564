package cn.invoicehelp.knowledge.search;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The neighbouring topics this service does not handle ({@code scope.yml}): each with example questions and an honest
 * answer naming where to go instead. The FAQ index holds each topic like an article (its examples as the questions),
 * so a question is scored against articles and neighbouring topics on the same scale.
 */
final class Scope {

    static final int MIN_EXAMPLES = 5;
    private static final Set<String> TOPIC_KEYS = Set.of("id", "title", "message", "examples");

    record Topic(String id, String title, String message, List<String> examples) {
    }

    /** The best topic for a question and how much of the question its examples cover (0..1). */
    record Match(Topic topic, double coverage, double score) {
    }

    static final Scope NONE = new Scope(List.of());
    /** Id prefix of a topic's document in the FAQ index (article slugs never contain a colon). */
    static final String PREFIX = "scope:";

    private final Map<String, Topic> topics = new LinkedHashMap<>();

    private Scope(List<Topic> topics) {
        topics.forEach(topic -> this.topics.put(topic.id(), topic));
    }

    /** Reads and checks the file; a missing file means no topics, a broken one fails with file and topic named. */
    static Scope load(Path file) {
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file,
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file.getFileName() + ": 不是有效的 YAML: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> map) || !(map.get("topics") instanceof List<?> raw)) {
            throw new IllegalArgumentException(file.getFileName() + ": 缺少 topics 列表");
        }
        List<Topic> topics = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (Object item : raw) {
            Topic topic = topic(file, item);
            if (!ids.add(topic.id())) {
                throw new IllegalArgumentException(file.getFileName() + ": topic '" + topic.id() + "' 重复");
            }
            topics.add(topic);
        }
        return new Scope(topics);
    }

    private static Topic topic(Path file, Object item) {
        if (!(item instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(file.getFileName() + ": topics 的每一项必须是 id/title/message/examples");
        }
        String id = text(map.get("id"));
        String where = file.getFileName() + ": topic '" + (id == null ? "?" : id) + "'";
        map.keySet().stream().map(String::valueOf).filter(k -> !TOPIC_KEYS.contains(k)).findFirst().ifPresent(k -> {
            throw new IllegalArgumentException(where + ": 未知字段 '" + k + "'");
        });
        String title = text(map.get("title"));
        String message = text(map.get("message"));
        List<String> examples = map.get("examples") instanceof List<?> list
                ? list.stream().map(Scope::text).filter(e -> e != null).toList() : List.of();
        if (id == null || title == null || message == null) {
            throw new IllegalArgumentException(where + ": 缺少 id、title 或 message");
        }
        if (examples.size() < MIN_EXAMPLES) {
            throw new IllegalArgumentException(where + ": 至少需要 " + MIN_EXAMPLES + " 个 examples");
        }
        return new Topic(id, title, message, examples);
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    Optional<Topic> topic(String documentId) {
        return documentId.startsWith(PREFIX) ? Optional.ofNullable(topics.get(documentId.substring(PREFIX.length())))
                : Optional.empty();
    }

    List<Topic> topics() {
        return List.copyOf(topics.values());
    }
}
