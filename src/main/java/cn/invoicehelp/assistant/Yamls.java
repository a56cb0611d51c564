package cn.invoicehelp.assistant;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads the YAML files of one knowledge-base folder as plain maps (safe constructor: no custom types). */
final class Yamls {

    private Yamls() {
    }

    static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new FlowDefinitionException(dir.toString(), null, "folder not found");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new FlowDefinitionException(dir.toString(), null, "cannot list: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            if (!(root instanceof Map)) {
                throw new FlowDefinitionException(file.toString(), null, "expected a mapping at the top");
            }
            return (Map<String, Object>) root;
        } catch (IOException | RuntimeException e) {
            if (e instanceof FlowDefinitionException fde) {
                throw fde;
            }
            throw new FlowDefinitionException(file.toString(), null, "not valid YAML: " + e.getMessage());
        }
    }

    static String text(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? null : String.valueOf(value).strip();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value instanceof List<?> l ? (List<Object>) l : value == null ? List.of() : List.of(value);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
