package cn.invoicehelp.knowledge.internal;

import cn.invoicehelp.knowledge.KnowledgeFolder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Files;

/** Tells other modules (the assistant's intents and flows) which knowledge-base folder is in use. */
@Configuration(proxyBeanMethods = false)
class KnowledgeConfiguration {

    @Bean
    KnowledgeFolder knowledgeFolder(KnowledgeProperties properties) {
        if (!Files.isDirectory(properties.dir())) {
            throw new IllegalStateException("helpdesk.knowledge.dir: 目录不存在: " + properties.dir().toAbsolutePath());
        }
        return new KnowledgeFolder(properties.dir(), properties.editable());
    }
}
