/**
 * Assistant: understands what a visitor writes (intents, entities) and walks them through the self-check flows.
 * Other modules use only {@link cn.invoicehelp.assistant.Assistant} and the replies and cards it answers with.
 * {@code state} holds what the assistant remembers per conversation and its table.
 */
@org.springframework.modulith.ApplicationModule
package cn.invoicehelp.assistant;
