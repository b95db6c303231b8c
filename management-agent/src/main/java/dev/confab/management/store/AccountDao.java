package dev.confab.management.store;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.Optional;

/** The web administration account(s) and API tokens; only hashes are stored. */
public interface AccountDao {

    @SqlQuery("SELECT password_hash FROM admin_account WHERE username = :username")
    Optional<String> passwordHash(@Bind("username") String username);

    @SqlQuery("SELECT COUNT(*) FROM admin_account")
    long accountCount();

    @SqlUpdate("""
            INSERT INTO admin_account (username, password_hash, changed) VALUES (:username, :hash, :time)
            ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, changed = excluded.changed
            """)
    void setPassword(@Bind("username") String username, @Bind("hash") String hash, @Bind("time") String time);

    @SqlQuery("SELECT name FROM api_token WHERE token_hash = :hash")
    Optional<String> tokenName(@Bind("hash") String tokenHash);

    @SqlUpdate("INSERT INTO api_token (name, token_hash, created) VALUES (:name, :hash, :time)")
    void addToken(@Bind("name") String name, @Bind("hash") String tokenHash, @Bind("time") String time);

    @SqlUpdate("DELETE FROM api_token WHERE name = :name")
    int removeToken(@Bind("name") String name);
}
