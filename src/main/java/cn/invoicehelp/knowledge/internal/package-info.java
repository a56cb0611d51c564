/**
 * The knowledge module's service: {@link cn.invoicehelp.knowledge.internal.KnowledgeBase} (the
 * {@link cn.invoicehelp.knowledge.FaqSearch} behind other modules) swaps in a new index when the watched folder
 * changes; also the configured or shipped folder, and the article feedback and unanswered-question tables.
 */
package cn.invoicehelp.knowledge.internal;
