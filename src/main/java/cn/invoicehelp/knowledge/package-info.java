/** Knowledge base: loads the Markdown FAQ, indexes it with Lucene, answers searches and serves the /help pages. */
@org.springframework.modulith.ApplicationModule
package cn.invoicehelp.knowledge;
