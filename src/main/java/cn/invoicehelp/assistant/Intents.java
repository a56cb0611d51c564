package cn.invoicehelp.assistant;

import java.util.Map;

/** The loaded intents by id (a holder, so Spring does not treat the map as a collection of beans). */
record Intents(Map<String, Intent> byId) {
}
