package cn.invoicehelp.escalation.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The help center pages to file a report and to follow one (static pages calling the public API). */
@Controller
class FaultReportPages {

    @GetMapping({"/help/report", "/help/report/"})
    String report() {
        return "forward:/help/report.html";
    }

    @GetMapping({"/help/track", "/help/track/"})
    String track() {
        return "forward:/help/track.html";
    }
}
