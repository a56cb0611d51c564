package cn.invoicehelp.console;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Makes sure the {@code admin} account exists. Its password comes from {@code HELPDESK_ADMIN_PASSWORD}; without it a
 * random one is generated once, at the first start, and logged once — later starts keep the stored hash.
 */
@Component
class AdminAccount {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminAccount.class);

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final String configured;
    private final java.time.Clock clock;

    AdminAccount(Accounts accounts, PasswordEncoder encoder,
            @Value("${HELPDESK_ADMIN_PASSWORD:${helpdesk.admin.password:}}") String configured, java.time.Clock clock) {
        this.clock = clock;
        this.accounts = accounts;
        this.encoder = encoder;
        this.configured = configured;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void ensure() {
        var existing = accounts.findByUsername(USERNAME);
        if (!configured.isBlank()) {
            existing.ifPresentOrElse(admin -> {
                if (!encoder.matches(configured, admin.passwordHash())) {
                    admin.changePasswordHash(encoder.encode(configured));
                    log.info("管理员密码已按 HELPDESK_ADMIN_PASSWORD 更新");
                }
            }, () -> accounts.save(new Account(USERNAME, encoder.encode(configured), "管理员", Account.ADMIN, clock.instant())));
            return;
        }
        if (existing.isEmpty()) {
            byte[] bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            accounts.save(new Account(USERNAME, encoder.encode(generated), "管理员", Account.ADMIN, clock.instant()));
            log.warn("未设置 HELPDESK_ADMIN_PASSWORD, 已生成管理员账户 admin 的随机密码 (只显示这一次, 请妥善保存): {}",
                    generated);
        }
    }
}
