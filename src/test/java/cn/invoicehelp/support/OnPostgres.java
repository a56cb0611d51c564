package cn.invoicehelp.support;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a Spring test on PostgreSQL: the application's datasource is this run's own database
 * ({@link PostgresDatabase#shared()}); every class carrying it (with the same other configuration) shares one context.
 * Without a configured server the class is skipped with the reason, in CI it fails.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresDatabase.Requirement.class)
@ContextConfiguration(initializers = PostgresDatabase.Initializer.class)
public @interface OnPostgres {
}
