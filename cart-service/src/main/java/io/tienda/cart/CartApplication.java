package io.tienda.cart;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Shoppers' carts, kept in Redis so that they follow the shopper across devices. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CartApplication {

    public static void main(String[] args) {
        SpringApplication.run(CartApplication.class, args);
    }
}
