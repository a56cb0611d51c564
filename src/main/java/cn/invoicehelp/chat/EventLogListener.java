package cn.invoicehelp.chat;

import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A listener of another module's event that appends to the event log: asynchronous after the publisher's commit and
 * recorded in the event publication registry, like {@code @ApplicationModuleListener}, but WITHOUT a transaction of
 * its own. An append waits for the group commit's writer, which needs a connection of its own; listeners holding a
 * connection each while they wait used up the pool (seen on PostgreSQL as every connection "idle in transaction").
 * Also for listeners whose steps must each commit on their own (a retried optimistic update).
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Async
@TransactionalEventListener
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@interface EventLogListener {
}
