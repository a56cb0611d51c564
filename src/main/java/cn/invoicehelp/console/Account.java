package cn.invoicehelp.console;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/**
 * Someone who signs in: an agent (role AGENT) or an admin (role ADMIN, who is an agent too). Only a BCrypt hash of
 * the password is kept.
 */
@Entity
@Table(name = "account")
class Account {

    static final String AGENT = "AGENT";
    static final String ADMIN = "ADMIN";

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

    Account(String username, String passwordHash, String displayName, String role, Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.role = role;
        this.enabled = true;
        this.createdAt = createdAt;
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

    String displayName() {
        return displayName;
    }

    String role() {
        return role;
    }

    /** An admin has both roles: they can answer visitors too. */
    List<String> roles() {
        return ADMIN.equals(role) ? List.of(AGENT, ADMIN) : List.of(AGENT);
    }

    boolean enabled() {
        return enabled;
    }

    void enable(boolean enabled) {
        this.enabled = enabled;
    }
}
