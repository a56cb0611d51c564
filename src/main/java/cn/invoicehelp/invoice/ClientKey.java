package cn.invoicehelp.invoice;

import java.util.Objects;

/**
 * Who is asking, for the per-client limits: the client's network address as the web layer sees it (REST request or
 * chat WebSocket handshake), so lookups made through the chat and through the API share one budget.
 */
public record ClientKey(String value) {

    public ClientKey {
        Objects.requireNonNull(value, "client");
        value = value.isBlank() ? "unknown" : value.strip();
    }
}
