package cn.invoicehelp.announcement.web;

import cn.invoicehelp.announcement.AnnouncementBoard;
import cn.invoicehelp.announcement.AnnouncementRequest;
import cn.invoicehelp.announcement.AnnouncementView;
import cn.invoicehelp.announcement.IncidentDesk;
import cn.invoicehelp.announcement.IncidentView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;
import java.util.List;

/** Staff: publish, change and end announcements; open incidents, link fault reports, move them on. */
@RestController
class ConsoleAnnouncementController {

    private final AnnouncementBoard board;
    private final IncidentDesk desk;

    ConsoleAnnouncementController(AnnouncementBoard board, IncidentDesk desk) {
        this.board = board;
        this.desk = desk;
    }

    @GetMapping("/api/console/announcements")
    List<AnnouncementView> history() {
        return board.history();
    }

    @GetMapping("/api/console/announcements/{id}")
    AnnouncementView get(@PathVariable long id) {
        return board.get(id);
    }

    @PostMapping("/api/console/announcements")
    ResponseEntity<AnnouncementView> publish(@RequestBody(required = false) AnnouncementRequest.Form form,
            Principal principal) {
        AnnouncementView created = board.publish(form, name(principal));
        return ResponseEntity.created(URI.create("/api/console/announcements/" + created.id())).body(created);
    }

    @PutMapping("/api/console/announcements/{id}")
    AnnouncementView update(@PathVariable long id, @RequestBody(required = false) AnnouncementRequest.Form form) {
        return board.update(id, form);
    }

    /** Ends it now; it stays in the history. */
    @DeleteMapping("/api/console/announcements/{id}")
    AnnouncementView end(@PathVariable long id) {
        return board.end(id);
    }

    @GetMapping("/api/console/incidents")
    List<IncidentView> incidents() {
        return desk.list();
    }

    @GetMapping("/api/console/incidents/{id}")
    IncidentView incident(@PathVariable long id) {
        return desk.get(id, true);
    }

    @PostMapping("/api/console/incidents")
    ResponseEntity<IncidentView> open(@RequestBody(required = false) IncidentDesk.OpenForm form,
            Principal principal) {
        IncidentView created = desk.open(form, name(principal));
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/console/incidents/" + created.id()))
                .body(created);
    }

    @PostMapping("/api/console/incidents/{id}/stage")
    IncidentView advance(@PathVariable long id, @RequestBody(required = false) IncidentDesk.StageForm form,
            Principal principal) {
        return desk.advance(id, form, name(principal));
    }

    record LinkForm(String trackingNumber) {
    }

    @PostMapping("/api/console/incidents/{id}/reports")
    IncidentView link(@PathVariable long id, @RequestBody(required = false) LinkForm form) {
        return desk.link(id, form == null ? null : form.trackingNumber());
    }

    @DeleteMapping("/api/console/incidents/{id}/reports/{trackingNumber}")
    IncidentView unlink(@PathVariable long id, @PathVariable String trackingNumber) {
        return desk.unlink(id, trackingNumber);
    }

    private static String name(Principal principal) {
        return principal == null ? null : principal.getName();
    }
}
