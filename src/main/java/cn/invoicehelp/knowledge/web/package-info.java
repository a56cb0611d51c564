/**
 * The knowledge module's HTTP side: {@code /api/faq} (search, suggest, articles, categories, feedback), the
 * {@code /help} pages, their zh-CN error bodies and the {@code faqIndex} health check.
 */
package cn.invoicehelp.knowledge.web;
