package cn.invoicehelp.knowledge;

import java.nio.file.Path;

/**
 * The knowledge-base folder the application reads ({@code faq/}, {@code intents/}, {@code flows/}, word lists): the
 * folder set in {@code helpdesk.knowledge.dir}, or the copy shipped inside the application.
 *
 * @param path     the folder
 * @param editable true for a configured folder (changes are picked up), false for the shipped copy
 */
public record KnowledgeFolder(Path path, boolean editable) {
}
