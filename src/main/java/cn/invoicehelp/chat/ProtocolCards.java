package cn.invoicehelp.chat;

/** Cards the chat itself writes (the bot's cards are the assistant's {@code Card} records). */
final class ProtocolCards {

    private ProtocolCards() {
    }

    /** Place in the hand-off queue: 1 = next in line. */
    record Queue(String kind, int position, long estimatedWaitSeconds) {
        Queue(int position, long estimatedWaitSeconds) {
            this("queue", position, estimatedWaitSeconds);
        }
    }

    /** The rating prompt on a {@code closed} event: POST a score between min and max to {@code url}. */
    record Rating(String kind, int min, int max, String url) {
        Rating(String url) {
            this("rating", 1, 5, url);
        }
    }
}
