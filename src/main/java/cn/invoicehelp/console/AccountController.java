package cn.invoicehelp.console;

import cn.invoicehelp.escalation.AgentPresence;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** Who is signed in (with the CSRF header to send), agent accounts (admins manage them) and presence. */
@RestController
@RequestMapping("/api/console")
class AccountController {

    record NewAgent(String username, String displayName, String password) {
    }

    record NewPassword(String password) {
    }

    record PresenceChange(String status) {
    }

    private final StaffAccounts accounts;
    private final AgentPresence presence;
    private final ConsoleBroadcasts broadcasts;

    AccountController(StaffAccounts accounts, AgentPresence presence, ConsoleBroadcasts broadcasts) {
        this.accounts = accounts;
        this.presence = presence;
        this.broadcasts = broadcasts;
    }

    @GetMapping("/me")
    ResponseEntity<Map<String, Object>> me(Authentication authentication, HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        var agent = accounts.agent(authentication);
        List<String> roles = authentication.getAuthorities().stream().map(a -> a.getAuthority())
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of(
                "username", agent.username(), "displayName", agent.displayName(), "roles", roles,
                "csrf", Map.of("headerName", csrf.getHeaderName(), "token", csrf.getToken())));
    }

    @GetMapping("/agents")
    List<Map<String, Object>> agents() {
        Map<String, String> online = new java.util.HashMap<>();
        presence.agents().forEach(p -> online.put(p.username(), p.status()));
        return accounts.all().stream().map(a -> Map.<String, Object>of("username", a.username(),
                "displayName", a.displayName(), "roles", a.roles(), "enabled", a.enabled(),
                "presence", online.getOrDefault(a.username(), "offline"))).toList();
    }

    @PostMapping("/agents")
    ResponseEntity<StaffAccounts.AccountView> create(@RequestBody NewAgent body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(accounts.create(body.username(), body.displayName(), body.password()));
    }

    @PostMapping("/agents/{username}/disable")
    StaffAccounts.AccountView disable(@PathVariable String username) {
        return accounts.enable(username, false);
    }

    @PostMapping("/agents/{username}/enable")
    StaffAccounts.AccountView enable(@PathVariable String username) {
        return accounts.enable(username, true);
    }

    @PostMapping("/agents/{username}/password")
    StaffAccounts.AccountView resetPassword(@PathVariable String username, @RequestBody NewPassword body) {
        return accounts.resetPassword(username, body.password());
    }

    @GetMapping("/presence")
    List<AgentPresence.Status> presence() {
        return presence.agents();
    }

    /** {"status": "away"} or {"status": "online"}; needs an open console (the agent socket). */
    @PostMapping("/presence")
    List<AgentPresence.Status> setPresence(@RequestBody PresenceChange body, Authentication authentication) {
        if (body.status() == null || !List.of("online", "away").contains(body.status())) {
            throw new ConsoleErrors.Invalid("status", "status 只能是 online 或 away。");
        }
        if (!presence.setAway(authentication.getName(), "away".equals(body.status()))) {
            throw new ConsoleErrors.Conflict("请先打开客服工作台页面（在线状态随工作台连接建立）。");
        }
        broadcasts.presence();
        return presence.agents();
    }
}
