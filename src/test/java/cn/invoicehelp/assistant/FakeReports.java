package cn.invoicehelp.assistant;

import cn.invoicehelp.escalation.FaultReportForm;
import cn.invoicehelp.escalation.FaultReportProblem;
import cn.invoicehelp.escalation.FaultReportProgress;
import cn.invoicehelp.escalation.FaultReportReceipt;
import cn.invoicehelp.escalation.FaultReportRejected;
import cn.invoicehelp.escalation.FaultReportStage;
import cn.invoicehelp.escalation.FaultReporting;
import cn.invoicehelp.escalation.TrackingNumbers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Fault reports in memory for assistant tests: a few of the real rules, forms kept for inspection. */
final class FakeReports implements FaultReporting {

    final Map<String, FaultReportForm> filed = new LinkedHashMap<>();
    private final Clock clock;

    FakeReports(Clock clock) {
        this.clock = clock;
    }

    @Override
    public FaultReportReceipt file(FaultReportForm form) {
        List<FaultReportProblem> problems = problems(form);
        if (!problems.isEmpty()) {
            throw new FaultReportRejected(problems);
        }
        String number = TrackingNumbers.next(clock);
        filed.put(number, form);
        return new FaultReportReceipt(number, FaultReportStage.CONFIRMING, "确认原因",
                clock.instant().plus(Duration.ofHours(2)));
    }

    @Override
    public List<FaultReportProblem> problems(FaultReportForm form) {
        List<FaultReportProblem> problems = new ArrayList<>();
        if (form.description() == null || form.description().strip().length() < 5) {
            problems.add(new FaultReportProblem("description", "故障描述太短"));
        }
        if (form.phone() != null && !form.phone().replaceAll("[\\s\\-]", "").matches("1[3-9]\\d{9}")) {
            problems.add(new FaultReportProblem("phone", "电话号码格式不正确"));
        }
        return problems;
    }

    @Override
    public Optional<FaultReportProgress> track(String trackingNumber, String contact) {
        FaultReportForm form = filed.get(trackingNumber);
        if (form == null || !contact.replaceAll("[\\s\\-]", "").equals(form.phone().replaceAll("[\\s\\-]", ""))) {
            return Optional.empty();
        }
        Instant due = clock.instant().plus(Duration.ofHours(2));
        return Optional.of(new FaultReportProgress(trackingNumber, FaultReportStage.CONFIRMING, "确认原因", false, null,
                List.of(new FaultReportProgress.StageView(FaultReportStage.CONFIRMING, "确认原因", clock.instant(), due,
                        null)), List.of(), clock.instant()));
    }

    @Override
    public void attachTranscript(String trackingNumber, UUID conversationId, List<TranscriptLine> transcript) {
    }

    @Override
    public void attachCollected(String trackingNumber, UUID conversationId,
                                cn.invoicehelp.escalation.FaultReportForm.Attachments collected) {
    }

    @Override
    public Optional<Contact> contactOf(String trackingNumber) {
        return Optional.empty();
    }
}
