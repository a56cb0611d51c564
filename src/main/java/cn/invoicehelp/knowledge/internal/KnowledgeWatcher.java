package cn.invoicehelp.knowledge.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;

/** Rebuilds the index shortly after a knowledge-base file changes, so editors see their edit without a restart. */
@Component
class KnowledgeWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeWatcher.class);
    private static final long QUIET_MILLIS = 300;

    private final KnowledgeBase knowledge;
    private final KnowledgeProperties properties;
    private volatile WatchService watcher;
    private volatile Thread thread;

    KnowledgeWatcher(KnowledgeBase knowledge, KnowledgeProperties properties) {
        this.knowledge = knowledge;
        this.properties = properties;
    }

    @Override
    public void start() {
        if (!properties.watch() || !properties.editable() || !Files.isDirectory(properties.dir())) {
            return;
        }
        try {
            watcher = properties.dir().getFileSystem().newWatchService();
            register(properties.dir());
            register(properties.dir().resolve("faq"));
        } catch (IOException e) {
            log.warn("无法监视知识库目录, 修改文件后需重启才能生效: {}", e.getMessage());
            return;
        }
        thread = new Thread(this::watch, "knowledge-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void register(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        }
    }

    private void watch() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = watcher.take();
                drain(key);
                // An editor saves in bursts (temp file, rename, touch): wait for quiet, then rebuild once.
                WatchKey more;
                while ((more = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    drain(more);
                }
                try {
                    knowledge.reload();
                } catch (RuntimeException e) {
                    log.error("知识库重新加载失败, 继续使用上一版本: {}", e.getMessage());
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    @Override
    public void stop() {
        try {
            if (watcher != null) {
                watcher.close();
            }
        } catch (IOException e) {
            log.debug("closing watcher", e);
        }
        if (thread != null) {
            thread.interrupt();
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
