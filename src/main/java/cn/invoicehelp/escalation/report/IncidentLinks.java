package cn.invoicehelp.escalation.report;

import cn.invoicehelp.announcement.IncidentReportLinked;
import cn.invoicehelp.announcement.IncidentStage;
import cn.invoicehelp.announcement.IncidentStageChanged;
import cn.invoicehelp.escalation.FaultReportStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Fault reports linked to an incident move with it: when the incident reaches a stage, each linked report is brought
 * to the same stage one step at a time (a report never skips a stage and never moves back). Every step is an ordinary
 * stage change, so the reporter's conversation and subscribers hear about it.
 */
@Component
class IncidentLinks {

    static final String AUTHOR = "故障处理";
    private static final Logger log = LoggerFactory.getLogger(IncidentLinks.class);

    private final FaultReportDesk desk;
    private final FaultReports reports;

    IncidentLinks(FaultReportDesk desk, FaultReports reports) {
        this.desk = desk;
        this.reports = reports;
    }

    @ApplicationModuleListener
    void on(IncidentStageChanged event) {
        for (String trackingNumber : event.trackingNumbers()) {
            catchUp(trackingNumber, event.to(), event.message());
        }
    }

    @ApplicationModuleListener
    void on(IncidentReportLinked event) {
        catchUp(event.trackingNumber(), event.stage(), "此报告已并入故障处理（同一原因的多份报告一起处理），进展将随故障处理同步更新。");
    }

    private void catchUp(String trackingNumber, IncidentStage incidentStage, String note) {
        FaultReportStage target = FaultReportStage.valueOf(incidentStage.name());
        FaultReportStage current = reports.findByTrackingNumber(trackingNumber).map(FaultReport::stage).orElse(null);
        if (current == null) {
            log.info("关联的故障报告 {} 不存在，跳过", trackingNumber);
            return;
        }
        if (current == target) {
            return;
        }
        while (current != null && current.ordinal() < target.ordinal()) {
            FaultReportStage next = current.next();
            desk.change(trackingNumber, next, next == target ? note : null, null, AUTHOR, false);
            current = next;
        }
    }
}
