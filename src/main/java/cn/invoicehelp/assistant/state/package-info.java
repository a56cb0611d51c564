/**
 * What the assistant remembers per conversation: {@link cn.invoicehelp.assistant.state.ConversationState}, its JSON
 * form and the {@code assistant_state} table, written with a version check in the caller's transaction.
 */
package cn.invoicehelp.assistant.state;
