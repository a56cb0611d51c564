package cn.invoicehelp.escalation.handoff;

import cn.invoicehelp.escalation.Agent;
import cn.invoicehelp.escalation.AgentPresence;
import cn.invoicehelp.escalation.HandoffClaimed;
import cn.invoicehelp.escalation.HandoffClosed;
import cn.invoicehelp.escalation.HandoffConflict;
import cn.invoicehelp.escalation.HandoffQueueChanged;
import cn.invoicehelp.escalation.HandoffQueued;
import cn.invoicehelp.escalation.HandoffReleased;
import cn.invoicehelp.escalation.HandoffRequested;
import cn.invoicehelp.escalation.HandoffTransferred;
import cn.invoicehelp.escalation.HandoffView;
import cn.invoicehelp.escalation.Handoffs;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;

/** The hand-off queue on the {@code handoff_request} table; queues what {@link HandoffListener} hears requested. */
@Service
class HandoffQueue implements Handoffs {

    static final Set<HandoffRequest.Status> ACTIVE = Set.of(HandoffRequest.Status.WAITING,
            HandoffRequest.Status.CLAIMED);
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() { };

    private final HandoffRequests requests;
    private final AgentPresence presence;
    private final ServiceHours hours;
    private final HandoffProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;

    HandoffQueue(HandoffRequests requests, AgentPresence presence, ServiceHours hours, HandoffProperties properties,
                 ApplicationEventPublisher events, TransactionTemplate tx, JsonMapper json, Clock clock) {
        this.requests = requests;
        this.presence = presence;
        this.hours = hours;
        this.properties = properties;
        this.events = events;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public List<HandoffView> active() {
        List<HandoffRequest> all = requests.findByStatusInOrderByCreatedAt(ACTIVE);
        List<HandoffView> views = new ArrayList<>();
        int position = 0;
        for (HandoffRequest r : all) {
            if (r.status() == HandoffRequest.Status.WAITING) {
                views.add(view(r, ++position));
            }
        }
        all.stream().filter(r -> r.status() == HandoffRequest.Status.CLAIMED).forEach(r -> views.add(view(r, null)));
        return views;
    }

    @Override
    public Optional<HandoffView> find(UUID conversationId) {
        return active().stream().filter(v -> v.conversationId().equals(conversationId)).findFirst()
                .or(() -> requests.findFirstByConversationIdOrderByCreatedAtDesc(conversationId)
                        .map(r -> view(r, null)));
    }

    @Override
    public HandoffView claim(UUID conversationId, Agent agent) {
        return move(conversationId, (request, now) -> {
            request.claim(agent, now);
            requests.flush(); // the version check: a second claimer fails here
            events.publishEvent(new HandoffClaimed(conversationId, agent, now));
            events.publishEvent(queueChanged());
        });
    }

    @Override
    public HandoffView transfer(UUID conversationId, Agent by, Agent to, boolean override) {
        return move(conversationId, (request, now) -> {
            Agent from = new Agent(request.claimedBy(), request.claimedByName());
            request.transfer(by, to, override);
            events.publishEvent(new HandoffTransferred(conversationId, from, to, now));
        });
    }

    @Override
    public HandoffView release(UUID conversationId, Agent by, boolean override) {
        return move(conversationId, (request, now) -> {
            request.release(by, override, now);
            events.publishEvent(new HandoffReleased(conversationId, by, now));
        });
    }

    @Override
    public HandoffView close(UUID conversationId, Agent by, boolean override) {
        return move(conversationId, (request, now) -> {
            request.close(by, override, now);
            events.publishEvent(new HandoffClosed(conversationId, by, now));
        });
    }

    private HandoffView move(UUID conversationId, BiConsumer<HandoffRequest, java.time.Instant> change) {
        try {
            return tx.execute(status -> {
                HandoffRequest request = requests.findByConversationId(conversationId).stream()
                        .filter(HandoffRequest::active).findFirst()
                        .orElseGet(() -> requests.findFirstByConversationIdOrderByCreatedAtDesc(conversationId)
                                .orElseThrow(() -> new HandoffNotFound(conversationId)));
                change.accept(request, clock.instant());
                requests.saveAndFlush(request); // the version check happens here, inside the transaction
                return view(request, null);
            });
        } catch (ObjectOptimisticLockingFailureException lost) {
            HandoffView winner = find(conversationId).orElseThrow(() -> new HandoffNotFound(conversationId));
            throw new HandoffConflict(conversationId, winner.status(), winner.claimedBy(), winner.claimedByName());
        }
    }

    /** Queues a requested hand-off once (a republished event does not queue it twice). */
    void enqueue(HandoffRequested event) {
        tx.executeWithoutResult(status -> {
            if (requests.existsByConversationIdAndStatusIn(event.conversationId(), ACTIVE)) {
                return;
            }
            requests.save(new HandoffRequest(event.conversationId(), event.reason(),
                    json.writeValueAsString(event.transcript()), json.writeValueAsString(event.stepsDone()),
                    json.writeValueAsString(event.invoiceFields()), event.pageUrl(), event.requestedAt()));
            requests.flush();
            int position = position(event.conversationId());
            var now = clock.instant();
            HandoffQueued.Availability availability = !hours.isOpen(now) ? HandoffQueued.Availability.OUTSIDE_HOURS
                    : presence.available() == 0 ? HandoffQueued.Availability.NO_AGENT_ONLINE
                    : HandoffQueued.Availability.OPEN;
            events.publishEvent(new HandoffQueued(event.conversationId(), position, estimatedWait(position),
                    availability, now));
        });
    }

    private int position(UUID conversationId) {
        int position = 0;
        for (HandoffRequest r : requests.findByStatusInOrderByCreatedAt(Set.of(HandoffRequest.Status.WAITING))) {
            position++;
            if (r.conversationId().equals(conversationId)) {
                return position;
            }
        }
        return position;
    }

    private HandoffQueueChanged queueChanged() {
        List<HandoffQueueChanged.Place> places = new ArrayList<>();
        int position = 0;
        for (HandoffRequest r : requests.findByStatusInOrderByCreatedAt(Set.of(HandoffRequest.Status.WAITING))) {
            position++;
            places.add(new HandoffQueueChanged.Place(r.conversationId(), position, estimatedWait(position)));
        }
        return new HandoffQueueChanged(places, clock.instant());
    }

    /** Position × average handling time, shared by the agents available (at least one is assumed). */
    long estimatedWait(int position) {
        return position * properties.averageHandlingTime().toSeconds() / Math.max(1, presence.available());
    }

    private HandoffView view(HandoffRequest r, Integer position) {
        return new HandoffView(r.conversationId(), r.status().name(), r.createdAt(), position, r.reason(),
                r.claimedBy(), r.claimedByName(), r.claimedAt(),
                r.stepsDone() == null ? List.of() : json.readValue(r.stepsDone(), STRINGS),
                r.invoiceFields() == null ? Map.of() : json.readValue(r.invoiceFields(), FIELDS), r.pageUrl());
    }
}
