package io.tienda.returns;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Returns and exchanges of delivered orders (RMA), and the refunds they lead to. */
@SpringBootApplication
@EnableConfigurationProperties(ReturnsProperties.class)
public class ReturnsApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReturnsApplication.class, args);
    }
}
