/**
 * The FAQ search engine: reading and checking the articles, Chinese analysis and synonyms, the in-memory Lucene
 * indexes, ranking, passages, highlighting, suggestions, the answerability decision and the out-of-scope topics.
 * {@link cn.invoicehelp.knowledge.search.FaqIndex} is one immutable snapshot built from a knowledge-base folder.
 */
package cn.invoicehelp.knowledge.search;
