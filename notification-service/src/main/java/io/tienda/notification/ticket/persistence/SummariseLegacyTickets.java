package io.tienda.notification.ticket.persistence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start, gives the tickets an older version wrote their summary, so that lists read summaries only.
 * A list meeting a ticket without one (written meanwhile by an older replica) summarises it from the whole
 * ticket instead.
 */
@Component
class SummariseLegacyTickets implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SummariseLegacyTickets.class);

    private final MongoTickets tickets;

    SummariseLegacyTickets(MongoTickets tickets) {
        this.tickets = tickets;
    }

    @Override
    public void run(ApplicationArguments args) {
        int written = tickets.summariseLegacyTickets();
        if (written > 0) {
            log.info("summarised {} tickets written without a summary", written);
        }
    }
}
