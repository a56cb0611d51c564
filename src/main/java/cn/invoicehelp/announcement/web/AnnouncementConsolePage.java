package cn.invoicehelp.announcement.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The console screen for announcements and incidents (static page; data from the staff APIs). */
@Controller
class AnnouncementConsolePage {

    @GetMapping("/console/announcements")
    String page() {
        return "forward:/console-assets/announcements.html";
    }
}
