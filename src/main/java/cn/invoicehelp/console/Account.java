package cn.invoicehelp.console;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Someone who signs in: the admin or, later, a support agent. Only a BCrypt hash of the password is kept. */
@Entity
@Table(name = "account")
class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String username;
    private String passwordHash;
    private String displayName;
    private String role;
    private boolean enabled;
    private Instant createdAt;

    protected Account() {
    }

    Account(String username, String passwordHash, String displayName, String role) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.role = role;
        this.enabled = true;
        this.createdAt = Instant.now();
    }

    String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }

    void changePasswordHash(String hash) {
        this.passwordHash = hash;
    }

    String role() {
        return role;
    }

    boolean enabled() {
        return enabled;
    }
}
