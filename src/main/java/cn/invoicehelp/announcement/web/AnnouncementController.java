package cn.invoicehelp.announcement.web;

import cn.invoicehelp.announcement.ActiveAnnouncement;
import cn.invoicehelp.announcement.AnnouncementBoard;
import cn.invoicehelp.announcement.IncidentDesk;
import cn.invoicehelp.announcement.IncidentView;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Public: what is in force now (banner of the widget, help center and homepage) and an incident's timeline. */
@RestController
@RequestMapping("/api/announcements")
class AnnouncementController {

    private final AnnouncementBoard board;
    private final IncidentDesk desk;

    AnnouncementController(AnnouncementBoard board, IncidentDesk desk) {
        this.board = board;
        this.desk = desk;
    }

    @GetMapping("/active")
    ResponseEntity<List<ActiveAnnouncement>> active() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(board.active());
    }

    @GetMapping("/incidents/{id}")
    IncidentView incident(@PathVariable long id) {
        return desk.get(id, false);
    }
}
