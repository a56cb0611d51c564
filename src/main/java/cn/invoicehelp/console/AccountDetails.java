package cn.invoicehelp.console;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Signs people in from the account table. */
@Service
class AccountDetails implements UserDetailsService {

    private final Accounts accounts;

    AccountDetails(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Account account = accounts.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("未知账户"));
        return User.withUsername(account.username()).password(account.passwordHash()).roles(account.roles().toArray(String[]::new))
                .disabled(!account.enabled()).build();
    }
}
