package io.tienda.analytics.facts;

import io.tienda.analytics.facts.domain.BackfillStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code --tienda.analytics.backfill=true}: rebuild the facts from the topics once at start, before
 * the service reports ready, then serve as usual.
 */
@Component
@ConditionalOnProperty(name = "tienda.analytics.backfill", havingValue = "true")
class BackfillCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BackfillCommand.class);

    private final Backfill backfill;

    BackfillCommand(Backfill backfill) {
        this.backfill = backfill;
    }

    @Override
    public void run(ApplicationArguments args) {
        BackfillStatus result = backfill.runNow();
        log.info("backfill at start ended {}: {} events, {} rows", result.state(), result.events(), result.rows());
    }
}
