package cn.invoicehelp.console;

import cn.invoicehelp.escalation.Agent;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Agent accounts: created, disabled and reset by admins; the signed-in account as the queue knows it. */
@Service
class StaffAccounts {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,60}");

    record AccountView(String username, String displayName, List<String> roles, boolean enabled) {
    }

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final org.springframework.security.core.session.SessionRegistry sessions;

    StaffAccounts(Accounts accounts, PasswordEncoder encoder, Clock clock,
                  org.springframework.security.core.session.SessionRegistry sessions) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Agent agent(Authentication authentication) {
        return accounts.findByUsername(authentication.getName())
                .map(a -> new Agent(a.username(), a.displayName()))
                .orElseGet(() -> new Agent(authentication.getName(), authentication.getName()));
    }

    @Transactional(readOnly = true)
    Optional<AccountView> find(String username) {
        return accounts.findByUsername(username).map(StaffAccounts::view);
    }

    @Transactional(readOnly = true)
    List<AccountView> all() {
        return accounts.findAllByOrderByUsername().stream().map(StaffAccounts::view).toList();
    }

    @Transactional
    AccountView create(String username, String displayName, String password) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new ConsoleErrors.Invalid("username", "用户名须为 3–60 位字母、数字或 . _ -。");
        }
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty() || name.length() > 50 || name.codePoints().anyMatch(Character::isISOControl)) {
            throw new ConsoleErrors.Invalid("displayName", "显示名称须为 1–50 个字符（访客会看到它）。");
        }
        checkPassword(password);
        if (accounts.existsByUsername(username)) {
            throw new ConsoleErrors.Conflict("用户名 " + username + " 已存在。");
        }
        return view(accounts.save(new Account(username, encoder.encode(password), name, Account.AGENT,
                clock.instant())));
    }

    @Transactional
    AccountView enable(String username, boolean enabled) {
        Account account = accounts.findByUsername(username)
                .orElseThrow(() -> new ConsoleErrors.NotFound("账号不存在。"));
        if (!enabled && AdminAccount.USERNAME.equals(username)) {
            throw new ConsoleErrors.Conflict("不能停用管理员账号。");
        }
        account.enable(enabled);
        if (!enabled) {
            // End the account's open sessions: its next request must sign in again (and cannot).
            sessions.getAllPrincipals().stream()
                    .filter(p -> p instanceof org.springframework.security.core.userdetails.UserDetails u
                            && u.getUsername().equals(username))
                    .flatMap(p -> sessions.getAllSessions(p, false).stream())
                    .forEach(org.springframework.security.core.session.SessionInformation::expireNow);
        }
        return view(account);
    }

    @Transactional
    AccountView resetPassword(String username, String password) {
        Account account = accounts.findByUsername(username)
                .orElseThrow(() -> new ConsoleErrors.NotFound("账号不存在。"));
        checkPassword(password);
        account.changePasswordHash(encoder.encode(password));
        return view(account);
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < 8 || password.length() > 200) {
            throw new ConsoleErrors.Invalid("password", "密码至少 8 个字符。");
        }
    }

    private static AccountView view(Account a) {
        return new AccountView(a.username(), a.displayName(), a.roles(), a.enabled());
    }
}
