/** Assistant: understands what a visitor writes (intents, entities) and walks them through the self-check flows. */
@org.springframework.modulith.ApplicationModule
package cn.invoicehelp.assistant;
