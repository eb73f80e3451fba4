package io.tienda.analytics.facts.messaging;

import io.tienda.analytics.facts.domain.EventLog;
import io.tienda.platform.messaging.InboundMessage;
import io.tienda.platform.messaging.PoisonMessageException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The topics from offset 0, for a backfill. The consumer is assigned every partition itself (no
 * subscription, so no rebalance of the live listener's group) and never commits: the live group's
 * offsets stay where they are. It stops at the end offsets taken when it started; later events are
 * the live listener's.
 */
@Component
class KafkaEventLog implements EventLog<InboundMessage> {

    private static final Logger log = LoggerFactory.getLogger(KafkaEventLog.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final int MAX_IDLE_POLLS = 120;

    private final ConsumerFactory<?, ?> consumers;

    KafkaEventLog(ConsumerFactory<?, ?> consumers) {
        this.consumers = consumers;
    }

    @Override
    @SuppressWarnings("unchecked")
    public long replay(java.util.function.Consumer<List<InboundMessage>> sink) {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        try (Consumer<String, String> consumer = (Consumer<String, String>) consumers.createConsumer(
                "analytics-backfill", "analytics-backfill", null, overrides)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : AnalyticsTopics.ALL) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos != null) {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            end.entrySet().removeIf(e -> e.getValue() == 0 || consumer.position(e.getKey()) >= e.getValue());
            long count = 0;
            int idle = 0;
            while (!end.isEmpty()) {
                ConsumerRecords<String, String> records = consumer.poll(POLL);
                idle = records.isEmpty() ? idle + 1 : 0;
                if (idle > MAX_IDLE_POLLS) {
                    throw new IllegalStateException("backfill stalled before the end of " + end.keySet());
                }
                List<InboundMessage> batch = new ArrayList<>(records.count());
                for (ConsumerRecord<String, String> record : records) {
                    Long last = end.get(new TopicPartition(record.topic(), record.partition()));
                    if (last == null || record.offset() >= last) {
                        continue;
                    }
                    try {
                        batch.add(InboundMessage.from(record));
                    } catch (PoisonMessageException e) {
                        log.warn("backfill skips an unreadable record: {}", e.getMessage());
                    }
                }
                if (!batch.isEmpty()) {
                    sink.accept(batch);
                    count += batch.size();
                }
                for (TopicPartition partition : new ArrayList<>(end.keySet())) {
                    if (consumer.position(partition) >= end.get(partition)) {
                        end.remove(partition);
                        consumer.pause(List.of(partition));
                    }
                }
            }
            return count;
        }
    }
}
