package io.tienda.platform.inbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InboxPropertiesTest {

    @Test
    void defaultsOutlastWhatKafkaKeepsByDefault() {
        InboxProperties defaults = new InboxProperties(null, null);

        // a topic's default retention (7 days) plus the default time before its segment closes (7 days)
        assertThat(defaults.retention()).isGreaterThan(Duration.ofDays(14)).isEqualTo(Duration.ofDays(30));
        assertThat(defaults.purgeBatch()).isEqualTo(5_000);
    }

    @Test
    void aRetentionShorterThanADayOrAnEmptyBatchIsRefusedAtStart() {
        assertThatIllegalArgumentException().isThrownBy(() -> new InboxProperties(Duration.ofHours(23), null))
                .withMessageContaining("tienda.inbox.retention");
        assertThatIllegalArgumentException().isThrownBy(() -> new InboxProperties(Duration.ofDays(-30), null))
                .withMessageContaining("tienda.inbox.retention");
        assertThatIllegalArgumentException().isThrownBy(() -> new InboxProperties(null, 0))
                .withMessageContaining("tienda.inbox.purge-batch");
    }
}
