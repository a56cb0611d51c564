package cn.invoicehelp.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** A generated admin password goes to an owner-only file in the data folder; the log names the file, not the secret. */
@ExtendWith(OutputCaptureExtension.class)
class GeneratedAdminPasswordTests {

    @TempDir
    Path data;

    @Test
    void writesTheGeneratedPasswordToAnOwnerOnlyFileAndNeverLogsIt(CapturedOutput output) throws Exception {
        Accounts accounts = mock(Accounts.class);
        when(accounts.findByUsername("admin")).thenReturn(Optional.empty());
        BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);

        new AdminAccount(accounts, encoder, "", data,
                java.time.Clock.fixed(java.time.Instant.parse("2026-11-30T02:00:00Z"), java.time.ZoneOffset.UTC)).ensure();

        Path file = data.resolve(AdminAccount.PASSWORD_FILE);
        String password = Files.readString(file).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        ArgumentCaptor<Account> saved = ArgumentCaptor.forClass(Account.class);
        verify(accounts).save(saved.capture());
        assertThat(encoder.matches(password, saved.getValue().passwordHash())).isTrue();
        assertThat(output.getAll()).contains(file.toAbsolutePath().toString()).doesNotContain(password);
    }
}
