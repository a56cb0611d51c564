/**
 * The chat module's HTTP side: {@code /api/chat/sessions} (open, replay events, rate), its per-client creation limit,
 * CORS for the widget's origins and the zh-CN error bodies.
 */
package cn.invoicehelp.chat.web;
