package io.tienda.platform.outbox;

import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.AsyncConfigurer;

/**
 * The handler of failed asynchronous methods ({@link RelayFailures}) and nothing else: the executors
 * stay Boot's (whose own configurer wraps this one and keeps its default executor), and the relay
 * names its own. Before Boot's task execution, which otherwise registers a configurer of its own and
 * this one would step back. A service with a configurer of its own keeps it.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration")
public class RelayFailuresAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(AsyncConfigurer.class)
    AsyncConfigurer tiendaAsyncFailures() {
        return new AsyncConfigurer() {
            @Override
            public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
                return new RelayFailures();
            }
        };
    }
}
