/**
 * Knowledge base: loads the Markdown FAQ, indexes it with Lucene, answers searches and serves the /help pages. Other
 * modules use only this package: {@link cn.invoicehelp.knowledge.FaqSearch}, {@link cn.invoicehelp.knowledge.PhraseIndex},
 * {@link cn.invoicehelp.knowledge.KnowledgeFolder} and the records they answer with. {@code search} holds the search
 * engine (analysis, Lucene indexes, ranking, answerability, scope), {@code internal} the service that loads and
 * watches the knowledge folder and the feedback and unanswered-question tables, {@code web} the FAQ API, the help
 * center pages, their zh-CN error bodies and the index health check.
 */
@org.springframework.modulith.ApplicationModule
package cn.invoicehelp.knowledge;
