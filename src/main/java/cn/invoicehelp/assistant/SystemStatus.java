package cn.invoicehelp.assistant;

import cn.invoicehelp.announcement.ActiveAnnouncement;
import cn.invoicehelp.announcement.Affect;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.stream.Collectors;

/** What is going on with the Beijing system right now, from the live announcements. */
@FunctionalInterface
interface SystemStatus {

    SystemStatus NONE = Optional::empty;

    /** The maintenance window or incident that stops work now, if any. */
    Optional<ActiveAnnouncement> disruption();

    DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    /** One sentence saying what is going on and until when (times in Beijing time). */
    static String describe(ActiveAnnouncement a) {
        String affects = a.affects().isEmpty() ? "" : "，受影响的功能：" + a.affects().stream().map(Affect::label)
                .collect(Collectors.joining("、"));
        String what = switch (a.kind()) {
            case MAINTENANCE -> "北京发票系统正在维护（" + a.title() + "）";
            default -> "北京发票系统发生故障（" + a.title() + "）"
                    + (a.incidentStage() == null ? "" : "，当前进展：" + a.incidentStage().label());
        };
        String until = a.expectedEnd() == null ? "，恢复时间以系统公告为准"
                : a.kind() == cn.invoicehelp.announcement.AnnouncementKind.MAINTENANCE
                        ? "，预计 " + WHEN.format(a.expectedEnd()) + " 结束"
                        : "，预计 " + WHEN.format(a.expectedEnd()) + " 前恢复";
        return "系统公告：" + what + affects + until + "。这段时间查不到发票或无法开票是系统原因，并不是您的发票有问题。";
    }
}
