package cn.invoicehelp.assistant.state;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** State <-> JSON; unknown properties are ignored so an older row still loads after the state gains a field. */
public final class StateJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private StateJson() {
    }

    public static String write(ConversationState state) {
        return MAPPER.writeValueAsString(state);
    }

    public static ConversationState read(String json) {
        return MAPPER.readValue(json, ConversationState.class);
    }
}
