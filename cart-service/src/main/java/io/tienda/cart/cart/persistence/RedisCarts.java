package io.tienda.cart.cart.persistence;

import io.tienda.cart.CartProperties;
import io.tienda.cart.cart.domain.Cart;
import io.tienda.cart.cart.domain.CartLine;
import io.tienda.cart.cart.domain.Carts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Repository
class RedisCarts implements Carts {

    private static final Logger log = LoggerFactory.getLogger(RedisCarts.class);

    private final StringRedisTemplate redis;
    private final CartProperties properties;

    RedisCarts(StringRedisTemplate redis, CartProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    @Override
    public Optional<Cart> find(String ownerId) {
        Map<Object, Object> quantities = redis.opsForHash().entries(CartKeys.lines(ownerId));
        Object currency = redis.opsForHash().get(CartKeys.meta(ownerId), "currency");
        if (quantities.isEmpty() && currency == null) {
            return Optional.empty();
        }
        List<CartLine> lines = new ArrayList<>(quantities.size());
        quantities.forEach((sku, quantity) -> line(ownerId, sku.toString(), quantity.toString()).ifPresent(lines::add));
        return Optional.of(new Cart(ownerId, lines,
                currency == null ? properties.defaultCurrency() : currency.toString()));
    }

    /** A line nobody could have written through the API is skipped, not allowed to break the whole cart. */
    private static Optional<CartLine> line(String ownerId, String sku, String quantity) {
        try {
            return Optional.of(new CartLine(sku, Integer.parseInt(quantity)));
        } catch (IllegalArgumentException e) {
            log.warn("skipping unreadable line {} of the cart of {}: {}", sku, ownerId, e.getMessage());
            return Optional.empty();
        }
    }
}
