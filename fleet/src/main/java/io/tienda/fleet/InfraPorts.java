package io.tienda.fleet;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fixed ports of the local infrastructure: the defaults of each server, as in docker-compose.yml,
 * and the launcher's own loopback control of them ({@link InfraControl}).
 */
record InfraPorts(int postgres, int kafka, int kafkaController, int redis, int mongo, int clickhouseHttp,
        int clickhouseTcp, int clickhouseInterserver, int smtp, int mailReader, int traces, int control) {

    static final InfraPorts DEFAULT = new InfraPorts(5432, 9092, 9093, 6379, 27017, 8123, 9000, 9009, 3025, 8025, 4318, 8026);

    /** Every port with what listens there, for the "port in use" check before starting. */
    Map<Integer, String> byPort(boolean withClickHouse) {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(postgres, "PostgreSQL");
        ports.put(kafka, "Kafka");
        ports.put(kafkaController, "Kafka controller");
        ports.put(redis, "Redis");
        ports.put(mongo, "MongoDB");
        if (withClickHouse) {
            ports.put(clickhouseHttp, "ClickHouse HTTP");
            ports.put(clickhouseTcp, "ClickHouse native");
            ports.put(clickhouseInterserver, "ClickHouse interserver");
        }
        ports.put(smtp, "SMTP");
        ports.put(mailReader, "mail reader");
        ports.put(traces, "trace collector (OTLP/HTTP)");
        ports.put(control, "infrastructure control");
        return ports;
    }

}
