package io.tienda.platform.messaging;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class OutagesTest {

    @Test
    void aStoreOrServiceThatIsDownIsAnOutageHoweverDeepItsCause() {
        assertThat(Outages.isOutage(new ListenerExecutionFailedException("listener failed",
                new CannotCreateTransactionException("no connection for the transaction",
                        new CannotGetJdbcConnectionException("refused", new SQLException("08001")))))).isTrue();
        assertThat(Outages.isOutage(new RedisConnectionFailureException("Redis is down"))).isTrue();
        assertThat(Outages.isOutage(new IllegalStateException("insert failed",
                new RuntimeException(new ConnectException("Connection refused"))))).isTrue();
        assertThat(Outages.isOutage(new IllegalStateException("no answer", new TimeoutException()))).isTrue();
        assertThat(Outages.isOutage(new DependencyUnavailableException("ClickHouse refused the insert",
                new IllegalStateException("too many parts")))).isTrue();
    }

    @Test
    void aFailureOfTheMessageOrOfTheHandlerIsNot() {
        assertThat(Outages.isOutage(new ListenerExecutionFailedException("listener failed",
                new OptimisticLockingFailureException("changed meanwhile")))).isFalse();
        assertThat(Outages.isOutage(new DataIntegrityViolationException("duplicate key"))).isFalse();
        assertThat(Outages.isOutage(new PoisonMessageException("not json", null))).isFalse();
        assertThat(Outages.isOutage(new NullPointerException())).isFalse();
    }

    @Test
    void theRootCauseNamesTheFailureInOneLine() {
        assertThat(Outages.rootMessage(new ListenerExecutionFailedException("listener failed",
                new CannotCreateTransactionException("no connection", new ConnectException("Connection refused")))))
                .isEqualTo("ConnectException: Connection refused");
        assertThat(Outages.rootMessage(new NullPointerException())).isEqualTo("NullPointerException");
    }
}
