package cn.invoicehelp.escalation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Files fault reports and tells their visitors how far the repair is. */
public interface FaultReporting {

    /** Files the report (the same report again within a minute returns the first one). */
    FaultReportReceipt file(FaultReportForm form) throws FaultReportRejected;

    /** Everything wrong with the form, in field order; empty when it can be filed. */
    List<FaultReportProblem> problems(FaultReportForm form);

    /**
     * The visitor's view, when the number exists and {@code contact} is the phone or e-mail given when filing.
     * Failed look-ups count against the number: after a few, {@link FaultReportLookupThrottled} for a while.
     */
    Optional<FaultReportProgress> track(String trackingNumber, String contact);

    /** Attaches a conversation's transcript (oldest line first) to a report filed from that conversation. */
    void attachTranscript(String trackingNumber, UUID conversationId, List<TranscriptLine> transcript);

    /**
     * Attaches what the assistant collected in the conversation (steps done, invoice fields, lookup results) to a
     * report that names that conversation but was filed without them (form or API); a report filed in the chat
     * already has them and keeps them.
     */
    void attachCollected(String trackingNumber, UUID conversationId, FaultReportForm.Attachments collected);

    /** Phone and e-mail of a report, for sending notifications only (never to be logged or shown unmasked). */
    Optional<Contact> contactOf(String trackingNumber);

    record TranscriptLine(String sender, String text, java.time.Instant at) {
    }

    record Contact(String phone, String email) {
        @Override
        public String toString() {
            return "Contact[(hidden)]";
        }
    }
}
