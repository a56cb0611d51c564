package cn.invoicehelp.knowledge.internal;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The knowledge base packaged with the application ({@code classpath:knowledge-base/}, built from the repository's
 * {@code knowledge-base/} folder), so the jar answers from any working directory. Inside a jar the files are copied
 * once to a temporary folder the loaders can list; that copy is read-only in spirit and never watched.
 */
final class ShippedKnowledge {

    static final String ROOT = "knowledge-base/";
    private static Path folder;

    private ShippedKnowledge() {
    }

    static synchronized Path folder() {
        if (folder == null) {
            folder = locate();
        }
        return folder;
    }

    static synchronized boolean isShipped(Path dir) {
        return folder != null && folder.equals(dir);
    }

    private static Path locate() {
        URL root = ShippedKnowledge.class.getClassLoader().getResource(ROOT);
        if (root == null) {
            throw new IllegalStateException("应用中没有打包知识库 (classpath:" + ROOT
                    + "), 请用 helpdesk.knowledge.dir 指定知识库目录");
        }
        try {
            if ("file".equals(root.getProtocol())) {
                return Path.of(root.toURI());
            }
            return extract();
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取打包的知识库: " + e.getMessage(), e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path extract() throws IOException {
        Path target = Files.createTempDirectory("invoice-helpdesk-knowledge-");
        target.toFile().deleteOnExit();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath:" + ROOT + "**")) {
            String url = URLDecoder.decode(resource.getURL().toString(), StandardCharsets.UTF_8);
            String relative = url.substring(url.lastIndexOf(ROOT) + ROOT.length());
            if (relative.isEmpty() || relative.endsWith("/") || !resource.isReadable()) {
                continue;
            }
            Path out = target.resolve(relative).normalize();
            if (!out.startsWith(target)) {
                continue;
            }
            for (Path dir = out.getParent(); !dir.equals(target) && Files.notExists(dir); dir = dir.getParent()) {
                Files.createDirectories(dir);
            }
            registerForDeletion(target, out.getParent());
            try (InputStream in = resource.getInputStream()) {
                Files.copy(in, out);
            }
            out.toFile().deleteOnExit();
        }
        return target;
    }

    /** deleteOnExit runs in reverse order of registration: folders first, then their files, so folders empty first. */
    private static void registerForDeletion(Path target, Path dir) {
        if (dir != null && !dir.equals(target) && dir.startsWith(target)) {
            registerForDeletion(target, dir.getParent());
            dir.toFile().deleteOnExit();
        }
    }
}
