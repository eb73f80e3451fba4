package io.tienda.platform.outbox;

import io.tienda.platform.messaging.KafkaMessageSender.MessageNotSentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;

import java.lang.reflect.Method;

/**
 * What an asynchronous method's failure is worth in the log. The outbox relay throws when Kafka does
 * not take a message, so that the publication stays incomplete and is resubmitted: that is how the
 * outbox works, not a fault. {@link io.tienda.platform.messaging.KafkaMessageSender} has already said
 * which message waits and why, so it is not said again (Spring's default handler logged each one at
 * ERROR, with a stack trace, as "unexpected"). Any other failure is logged at ERROR as before.
 */
class RelayFailures implements AsyncUncaughtExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(RelayFailures.class);

    @Override
    public void handleUncaughtException(Throwable failure, Method method, Object... params) {
        if (failure instanceof MessageNotSentException) {
            log.debug("{} left its publication incomplete: {}", method.getName(), failure.getMessage());
            return;
        }
        log.error("Unexpected exception occurred invoking async method: {}", method, failure);
    }
}
