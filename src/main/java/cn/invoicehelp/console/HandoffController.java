package cn.invoicehelp.console;

import cn.invoicehelp.chat.AgentDesk;
import cn.invoicehelp.chat.ConversationRecord;
import cn.invoicehelp.chat.StaffEvent;
import cn.invoicehelp.escalation.Agent;
import cn.invoicehelp.escalation.HandoffView;
import cn.invoicehelp.escalation.Handoffs;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The queue and the conversation view: claim, talk (or note), transfer, hand back to the bot, close. */
@RestController
@RequestMapping("/api/console")
class HandoffController {

    record MessageRequest(String clientMessageId, String text, Boolean internal) {
    }

    record TransferRequest(String to) {
    }

    private final Handoffs handoffs;
    private final AgentDesk desk;
    private final StaffAccounts accounts;

    HandoffController(Handoffs handoffs, AgentDesk desk, StaffAccounts accounts) {
        this.handoffs = handoffs;
        this.desk = desk;
        this.accounts = accounts;
    }

    /** Waiting (with place in line) and claimed conversations. */
    @GetMapping("/handoffs")
    List<HandoffView> handoffs() {
        return handoffs.active();
    }

    @PostMapping("/handoffs/{conversationId}/claim")
    HandoffView claim(@PathVariable String conversationId, Authentication authentication) {
        return handoffs.claim(id(conversationId), accounts.agent(authentication));
    }

    @GetMapping("/conversations/{conversationId}")
    Map<String, Object> conversation(@PathVariable String conversationId) {
        UUID id = id(conversationId);
        ConversationRecord record = desk.record(id).orElseThrow(AgentDesk.NoSuchConversation::new);
        HandoffView handoff = handoffs.find(id).orElse(null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("conversationId", id);
        body.put("events", record.events());
        body.put("invoiceFields", handoff == null ? Map.of() : handoff.invoiceFields());
        body.put("lookups", record.lookups());
        body.put("stepsDone", handoff == null ? List.of() : handoff.stepsDone());
        body.put("pageUrl", record.pageUrl());
        body.put("status", record.status());
        if (handoff != null) {
            body.put("handoff", handoff);
            if ("CLAIMED".equals(handoff.status())) {
                body.put("claimedBy", handoff.claimedBy());
                body.put("claimedByName", handoff.claimedByName());
            }
        }
        if (record.rating() != null) {
            body.put("rating", record.rating());
        }
        return body;
    }

    /** A reply to the visitor, or with {@code internal: true} a private note (any agent may add one). */
    @PostMapping("/conversations/{conversationId}/messages")
    ResponseEntity<StaffEvent> message(@PathVariable String conversationId, @RequestBody MessageRequest body,
                                       Authentication authentication) {
        UUID id = id(conversationId);
        Agent agent = accounts.agent(authentication);
        boolean internal = Boolean.TRUE.equals(body.internal());
        if (!internal) {
            HandoffView handoff = handoffs.find(id).orElseThrow(AgentDesk.NoSuchConversation::new);
            if (!"CLAIMED".equals(handoff.status()) || !agent.username().equals(handoff.claimedBy())) {
                throw new ConsoleErrors.Conflict("CLAIMED".equals(handoff.status())
                        ? "该会话由 " + handoff.claimedByName() + " 接待，您可以添加内部备注。"
                        : "请先接入该会话再回复访客。");
            }
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(desk.post(id, body.clientMessageId(), body.text(), internal, agent));
    }

    @PostMapping("/conversations/{conversationId}/transfer")
    HandoffView transfer(@PathVariable String conversationId, @RequestBody TransferRequest body,
                         Authentication authentication) {
        var target = body.to() == null ? null : accounts.find(body.to()).orElse(null);
        if (target == null || !target.enabled() || !target.roles().contains(Account.AGENT)) {
            throw new ConsoleErrors.Invalid("to", "请选择一位启用中的客服。");
        }
        return handoffs.transfer(id(conversationId), accounts.agent(authentication),
                new Agent(target.username(), target.displayName()), isAdmin(authentication));
    }

    /** Hands the conversation back to the bot. */
    @PostMapping("/conversations/{conversationId}/release")
    HandoffView release(@PathVariable String conversationId, Authentication authentication) {
        return handoffs.release(id(conversationId), accounts.agent(authentication), isAdmin(authentication));
    }

    /** Ends the conversation; the visitor is asked for a rating. */
    @PostMapping("/conversations/{conversationId}/close")
    HandoffView close(@PathVariable String conversationId, Authentication authentication) {
        return handoffs.close(id(conversationId), accounts.agent(authentication), isAdmin(authentication));
    }

    private static boolean isAdmin(Authentication authentication) {
        return authentication.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }

    private static UUID id(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new ConsoleErrors.NotFound("会话不存在。");
        }
    }
}
