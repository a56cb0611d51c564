/**
 * The announcement module's HTTP side: the public {@code /api/announcements} and {@code /api/incidents} reads, the
 * console's staff API and page, and their zh-CN error bodies. Uses only the module's public services.
 */
package cn.invoicehelp.announcement.web;
