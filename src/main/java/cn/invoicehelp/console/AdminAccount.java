package cn.invoicehelp.console;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Makes sure the {@code admin} account exists. Its password comes from {@code HELPDESK_ADMIN_PASSWORD}; without it a
 * random one is generated once, at the first start, and written to {@code admin-password.txt} in the data folder,
 * readable by the owner only; the log names the file, never the password. Later starts keep the stored hash.
 */
@Component
class AdminAccount {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminAccount.class);

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    static final String PASSWORD_FILE = "admin-password.txt";

    private final String configured;
    private final Path dataDir;
    private final java.time.Clock clock;

    private final TransactionTemplate tx;

    /** Without transactions (unit tests with a mocked repository). */
    AdminAccount(Accounts accounts, PasswordEncoder encoder, String configured, Path dataDir, java.time.Clock clock) {
        this(accounts, encoder, configured, dataDir, clock, null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    AdminAccount(Accounts accounts, PasswordEncoder encoder,
            @Value("${HELPDESK_ADMIN_PASSWORD:${helpdesk.admin.password:}}") String configured,
            @Value("${helpdesk.data-dir}") Path dataDir, java.time.Clock clock, TransactionTemplate tx) {
        this.tx = tx;
        this.clock = clock;
        this.accounts = accounts;
        this.encoder = encoder;
        this.configured = configured;
        this.dataDir = dataDir;
    }

    /**
     * Several nodes starting together on one database (production profile) may both find no admin: one insert wins,
     * the other fails on the unique username and simply looks again (and keeps the winner's account).
     */
    @EventListener(ApplicationReadyEvent.class)
    public void ensure() {
        if (tx == null) {
            ensureOnce();
            return;
        }
        try {
            tx.executeWithoutResult(status -> ensureOnce());
        } catch (DataIntegrityViolationException raced) {
            log.info("管理员账户已由另一节点创建");
            deleteGeneratedFile();
            tx.executeWithoutResult(status -> ensureOnce());
        }
    }

    private void deleteGeneratedFile() {
        if (configured.isBlank()) {
            try {
                Files.deleteIfExists(dataDir.resolve(PASSWORD_FILE)); // its password lost the race: it is not valid
            } catch (IOException e) {
                log.debug("could not delete the unused password file", e);
            }
        }
    }

    private void ensureOnce() {
        var existing = accounts.findByUsername(USERNAME);
        if (!configured.isBlank()) {
            existing.ifPresentOrElse(admin -> {
                if (!encoder.matches(configured, admin.passwordHash())) {
                    admin.changePasswordHash(encoder.encode(configured));
                    log.info("管理员密码已按 HELPDESK_ADMIN_PASSWORD 更新");
                }
            }, () -> accounts.save(new Account(USERNAME, encoder.encode(configured), "管理员", Account.ADMIN,
                    clock.instant())));
            return;
        }
        if (existing.isEmpty()) {
            byte[] bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Path file = writeOwnerOnly(dataDir.resolve(PASSWORD_FILE), generated);
            accounts.save(new Account(USERNAME, encoder.encode(generated), "管理员", Account.ADMIN,
                    clock.instant()));
            log.warn("未设置 HELPDESK_ADMIN_PASSWORD, 已为管理员账户 admin 生成随机密码, 保存在 {} (仅本用户可读); "
                    + "请妥善保存后删除该文件", file.toAbsolutePath());
        }
    }

    /** Creates the file with owner-only permissions from the start (no moment in which others could read it). */
    private static Path writeOwnerOnly(Path file, String secret) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
                File plain = file.toFile();
                plain.setReadable(false, false);
                plain.setWritable(false, false);
                plain.setReadable(true, true);
                plain.setWritable(true, true);
            }
            Files.writeString(file, secret + System.lineSeparator(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("无法写入管理员密码文件 " + file.toAbsolutePath()
                    + ", 请检查 helpdesk.data-dir 或设置 HELPDESK_ADMIN_PASSWORD", e);
        }
    }
}
