package cn.invoicehelp.chat;

import cn.invoicehelp.announcement.ActiveAnnouncement;
import cn.invoicehelp.announcement.AnnouncementEnded;
import cn.invoicehelp.announcement.AnnouncementPublished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Pushes announcements into open conversations as {@code announcement} events (stored in the log like every event,
 * so a client that was offline gets them on replay). Open = any activity in the last 12 hours.
 */
@Component
class AnnouncementRelay {

    static final Duration OPEN_WINDOW = Duration.ofHours(12);
    private static final Logger log = LoggerFactory.getLogger(AnnouncementRelay.class);

    private final Conversations conversations;
    private final EventLog eventLog;
    private final EventSender sender;
    private final Clock clock;

    AnnouncementRelay(Conversations conversations, EventLog eventLog, EventSender sender, Clock clock) {
        this.conversations = conversations;
        this.eventLog = eventLog;
        this.sender = sender;
        this.clock = clock;
    }

    @EventLogListener
    void on(AnnouncementPublished event) {
        ActiveAnnouncement a = event.announcement();
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("kind", "announcement");
        card.put("id", a.id());
        card.put("announcementKind", a.kind().name());
        card.put("level", a.level().name());
        card.put("title", a.title());
        card.put("body", a.body());
        card.put("affects", a.affects().stream().map(Enum::name).toList());
        card.put("startsAt", a.startsAt().toString());
        if (a.endsAt() != null) {
            card.put("endsAt", a.endsAt().toString());
        }
        if (a.expectedEnd() != null) {
            card.put("expectedEnd", a.expectedEnd().toString());
        }
        if (a.incidentStage() != null) {
            card.put("incidentStage", a.incidentStage().name());
        }
        if (a.incidentId() != null) {
            card.put("incidentId", a.incidentId());
        }
        card.put("ended", false);
        push(a.kind().label() + "：" + a.title(), card);
    }

    @EventLogListener
    void on(AnnouncementEnded event) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("kind", "announcement");
        card.put("id", event.id());
        card.put("ended", true);
        push("公告已结束", card);
    }

    private void push(String text, Map<String, Object> card) {
        String cardJson = eventLog.toJson(card);
        List<UUID> open = conversations.activeSince(clock.instant().minus(OPEN_WINDOW));
        for (UUID id : open) {
            try {
                sender.sendStored(id, () -> eventLog.append(id, locked -> locked.append(
                        new NewEvent("announcement", "system", text, null, false, null, null, cardJson))));
            } catch (RuntimeException e) {
                // One broken conversation must not keep the others from hearing about it.
                log.warn("公告未能推送到会话 {}: {}", id, e.toString());
            }
        }
    }
}
