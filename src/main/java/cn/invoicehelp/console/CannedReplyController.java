package cn.invoicehelp.console;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

/** Canned replies: every agent reads them, admins add and delete them. */
@RestController
@RequestMapping("/api/console/canned-replies")
class CannedReplyController {

    record View(long id, String title, String text) {
    }

    record NewReply(String title, String text) {
    }

    private final CannedReplies replies;
    private final Clock clock;

    CannedReplyController(CannedReplies replies, Clock clock) {
        this.replies = replies;
        this.clock = clock;
    }

    @GetMapping
    List<View> all() {
        return replies.findAllByOrderById().stream().map(r -> new View(r.getId(), r.getTitle(), r.getText())).toList();
    }

    @PostMapping
    ResponseEntity<View> add(@RequestBody NewReply body) {
        String title = body.title() == null ? "" : body.title().strip();
        String text = body.text() == null ? "" : body.text().strip();
        if (title.isEmpty() || title.length() > 100) {
            throw new ConsoleErrors.Invalid("title", "标题须为 1–100 个字符。");
        }
        if (text.isEmpty() || text.length() > 2000) {
            throw new ConsoleErrors.Invalid("text", "内容须为 1–2000 个字符。");
        }
        CannedReply saved = replies.save(new CannedReply(title, text, clock.instant()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new View(saved.getId(), saved.getTitle(), saved.getText()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        if (!replies.existsById(id)) {
            throw new ConsoleErrors.NotFound("快捷回复不存在。");
        }
        replies.deleteById(id);
        return ResponseEntity.noContent().build();
    }
}
