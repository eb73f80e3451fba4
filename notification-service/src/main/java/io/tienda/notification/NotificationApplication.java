package io.tienda.notification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

/** E-mail, SMS and push messages to customers, their templates and history, and customer queries. */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(NotificationsProperties.class)
public class NotificationApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationApplication.class, args);
    }
}
