package cn.invoicehelp.escalation.report;

import cn.invoicehelp.escalation.FaultReportProgress.StageView;
import cn.invoicehelp.escalation.FaultReportStage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static cn.invoicehelp.escalation.FaultReportStage.CLOSED;
import static cn.invoicehelp.escalation.FaultReportStage.CONFIRMING;
import static cn.invoicehelp.escalation.FaultReportStage.NOTIFYING;
import static cn.invoicehelp.escalation.FaultReportStage.REPAIRING;
import static cn.invoicehelp.escalation.FaultReportStage.TESTING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The repair timeline with a fixed clock: 2 h / 8 h / 12 h / 2 h, one step at a time, reopened only by an admin. */
class FaultReportTimelineTests {

    static final Instant T0 = Instant.parse("2025-03-10T02:00:00Z");
    final FaultReportProperties.Durations durations = new FaultReportProperties(null, null, null, null, null, null, null)
            .durations();
    final FaultReport report = new FaultReport("BJ2503100K7QM2X1W", new FaultReportRules.Checked(List.of("12345678"),
            null, T0.minusSeconds(600), "查验平台提示查无此票", "13800138000", null), UUID.randomUUID(), null, "k", T0,
            durations);

    static Instant at(long hours) {
        return T0.plus(Duration.ofHours(hours));
    }

    @Test
    void aNewReportIsConfirmingAndDueTwoHoursLater() {
        assertThat(report.stage()).isEqualTo(CONFIRMING);
        assertThat(report.stageDueAt()).isEqualTo(at(2));
        assertThat(report.overdue(at(2))).isFalse();
        assertThat(report.overdue(at(2).plusSeconds(1))).isTrue();
    }

    @Test
    void eachStageGetsItsDueTimeWhenItStarts() {
        report.change(REPAIRING, null, null, "agent", false, at(1), durations);
        assertThat(report.stageDueAt()).isEqualTo(at(9));
        report.change(TESTING, "修复完成，正在测试", null, "agent", false, at(10), durations);
        assertThat(report.stageDueAt()).isEqualTo(at(22));
        assertThat(report.overdue(at(21))).isFalse();
        report.change(NOTIFYING, null, null, "agent", false, at(20), durations);
        assertThat(report.stageDueAt()).isEqualTo(at(22));
        report.change(CLOSED, null, null, "agent", false, at(21), durations);
        assertThat(report.stageDueAt()).isNull();
        assertThat(report.overdue(at(1000))).isFalse();

        List<StageView> timeline = report.timeline();
        assertThat(timeline).extracting(StageView::stage).containsExactly(FaultReportStage.values());
        assertThat(timeline.get(0)).isEqualTo(new StageView(CONFIRMING, "确认原因", T0, at(2), at(1)));
        assertThat(timeline.get(1)).isEqualTo(new StageView(REPAIRING, "实施修复", at(1), at(9), at(10)));
        assertThat(timeline.get(2)).isEqualTo(new StageView(TESTING, "全面测试", at(10), at(22), at(20)));
        assertThat(timeline.get(4).startedAt()).isEqualTo(at(21));
    }

    @Test
    void nobodySkipsAStage() {
        assertThatThrownBy(() -> report.change(TESTING, null, null, "admin", true, at(1), durations))
                .isInstanceOfSatisfying(StageChangeRefused.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("实施修复");
                });
        assertThat(report.stage()).isEqualTo(CONFIRMING);
    }

    @Test
    void onlyAnAdminMovesAReportBackAndTheLaterStagesStartAgain() {
        report.change(REPAIRING, null, null, "agent", false, at(1), durations);
        report.change(TESTING, null, null, "agent", false, at(5), durations);
        assertThatThrownBy(() -> report.change(REPAIRING, null, null, "agent", false, at(6), durations))
                .isInstanceOfSatisfying(StageChangeRefused.class, e -> assertThat(e.status()).isEqualTo(403));

        report.change(REPAIRING, "测试发现问题，重新修复", "回归失败", "admin", true, at(6), durations);
        assertThat(report.stage()).isEqualTo(REPAIRING);
        assertThat(report.stageDueAt()).isEqualTo(at(14));
        List<StageView> timeline = report.timeline();
        assertThat(timeline.get(1)).isEqualTo(new StageView(REPAIRING, "实施修复", at(6), at(14), null));
        assertThat(timeline.get(2)).isEqualTo(new StageView(TESTING, "全面测试", null, null, null));
    }

    @Test
    void configuredDurationsAreUsed() {
        var shorter = new FaultReportProperties.Durations(Duration.ofMinutes(30), null, null, null);
        FaultReport quick = new FaultReport("BJ2503100K7QM2X2T", new FaultReportRules.Checked(List.of(), null, T0,
                "页面一直提示系统异常", null, "a@b.cn"), null, null, "k2", T0, shorter);
        assertThat(quick.stageDueAt()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        quick.change(REPAIRING, null, null, "agent", false, T0, shorter);
        assertThat(quick.stageDueAt()).isEqualTo(at(8));
    }
}
