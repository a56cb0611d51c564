package cn.invoicehelp.chat;

/**
 * The contract between the chat's STOMP broker and the console's agent socket ({@code /ws/agent}): connections whose
 * handshake set {@link #ATTRIBUTE} are staff connections. The visitor rules (token, own events only) skip them; the
 * console enforces its own (signed-in agent, console destinations only). Visitor sockets can never subscribe to
 * {@link #DESTINATIONS}.
 */
public final class StaffSockets {

    /** Handshake attribute marking a staff connection. */
    public static final String ATTRIBUTE = "helpdesk.staff";
    /** Everything agents may subscribe to starts with this. */
    public static final String DESTINATIONS = "/topic/console/";

    private StaffSockets() {
    }
}
