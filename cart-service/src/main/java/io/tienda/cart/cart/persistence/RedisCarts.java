package io.tienda.cart.cart.persistence;

import io.tienda.cart.cart.domain.Cart;
import io.tienda.cart.cart.domain.CartId;
import io.tienda.cart.cart.domain.CartLimits;
import io.tienda.cart.cart.domain.CartLine;
import io.tienda.cart.cart.domain.Carts;
import io.tienda.cart.cart.domain.MergeClaim;
import io.tienda.cart.cart.domain.PriceMemory;
import io.tienda.cart.cart.domain.ShippingAddress;
import io.tienda.platform.events.EventJson;
import io.tienda.platform.messaging.OutboundMessage;
import io.tienda.platform.problem.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

/**
 * Carts in Redis through Lettuce. Every change is one Lua script, atomic on the server: a save is a
 * compare-and-set on the cart's version that also appends the change's events to the cart's outbox.
 */
@Repository
class RedisCarts implements Carts {

    private static final Logger log = LoggerFactory.getLogger(RedisCarts.class);

    private static final RedisScript<List> READ = script("cart-read", List.class);
    private static final RedisScript<Long> SAVE = script("cart-save", Long.class);
    private static final RedisScript<String> CLAIM = script("cart-claim", String.class);
    private static final RedisScript<Long> RETIRE = script("cart-retire", Long.class);
    private static final RedisScript<Long> REMOVE_ORDERED = script("cart-remove-ordered", Long.class);
    private static final RedisScript<Long> GIVE_BACK = script("cart-give-back", Long.class);
    private static final RedisScript<Long> REMEMBER_PRICES = script("cart-remember-prices", Long.class);

    private final StringRedisTemplate redis;
    private final String defaultCurrency;
    private final Clock clock;

    RedisCarts(StringRedisTemplate redis, io.tienda.cart.CartProperties properties, Clock clock) {
        this.redis = redis;
        this.defaultCurrency = properties.defaultCurrency();
        this.clock = clock;
    }

    static <T> RedisScript<T> script(String name, Class<T> result) {
        return RedisScript.of(new ClassPathResource("scripts/" + name + ".lua"), result);
    }

    @Override
    public Optional<Cart> find(CartId id) {
        List<?> flat = redis.execute(READ, List.of(CartKeys.lines(id), CartKeys.meta(id)));
        if (flat == null || flat.isEmpty()) {
            return Optional.empty();
        }
        int lineEntries = ((Number) flat.get(0)).intValue();
        Map<String, String> meta = new HashMap<>();
        for (int i = 1 + lineEntries; i + 1 < flat.size(); i += 2) {
            meta.put(flat.get(i).toString(), flat.get(i + 1).toString());
        }
        if (meta.isEmpty()) {
            return Optional.empty();
        }
        List<CartLine> lines = new ArrayList<>();
        for (int i = 1; i + 1 <= lineEntries; i += 2) {
            line(id, flat.get(i).toString(), flat.get(i + 1).toString()).ifPresent(lines::add);
        }
        Set<String> absorbed = new HashSet<>();
        meta.keySet().stream().filter(k -> k.startsWith("absorbed:"))
                .forEach(k -> absorbed.add(k.substring("absorbed:".length())));
        // a cart stored before contents ids were kept gets one with its next save
        String contents = meta.get("contents") != null ? meta.get("contents") : Cart.newContentsId();
        return Optional.of(new Cart(id, lines, contents, meta.getOrDefault("currency", defaultCurrency),
                meta.get("coupon"),
                address(id, meta.get("country"), meta.get("postcode")), absorbed, meta.get("mergedInto"),
                version(meta.get("version"))));
    }

    @Override
    public boolean save(Cart cart, Duration timeToLive, List<OutboundMessage> messages) {
        List<String> args = new ArrayList<>();
        args.add(Long.toString(cart.version()));
        args.add(seconds(timeToLive));
        args.add(clock.instant().toString());
        args.add(cart.currency());
        args.add(orEmpty(cart.couponCode()));
        args.add(cart.shippingAddress() == null ? "" : cart.shippingAddress().country());
        args.add(cart.shippingAddress() == null ? "" : cart.shippingAddress().postcode());
        args.add(cart.contentsId());
        args.add(Integer.toString(cart.lines().size()));
        cart.lines().forEach(line -> {
            args.add(line.sku());
            args.add(Integer.toString(line.quantity()));
        });
        args.add(Integer.toString(cart.absorbed().size()));
        args.addAll(cart.absorbed());
        args.add(Integer.toString(messages.size()));
        messages.forEach(message -> args.add(EventJson.write(message)));
        CartId id = cart.id();
        Long result = redis.execute(SAVE, List.of(CartKeys.lines(id), CartKeys.meta(id), CartKeys.prices(id),
                CartKeys.outbox(id)), args.toArray());
        return result != null && result > 0;
    }

    @Override
    public MergeClaim claim(CartId guest, String customerId) {
        String result = redis.execute(CLAIM, List.of(CartKeys.meta(guest)), customerId);
        return switch (result == null ? "none" : result) {
            case "claimed" -> MergeClaim.CLAIMED;
            case "taken" -> MergeClaim.TAKEN;
            default -> MergeClaim.NONE;
        };
    }

    @Override
    public void retire(CartId guest, Duration keep) {
        redis.execute(RETIRE, CartKeys.all(guest), seconds(keep));
    }

    @Override
    public boolean removeOrdered(CartId id, UUID eventId, UUID orderId, Map<String, Integer> ordered,
                                 Duration rememberEvent, Duration keepTaken) {
        List<String> args = new ArrayList<>();
        args.add(seconds(rememberEvent));
        args.add(clock.instant().toString());
        args.add(Cart.newContentsId());
        args.add(orderId.toString());
        args.add(Long.toString(clock.instant().getEpochSecond()));
        args.add(seconds(keepTaken));
        args.add(Integer.toString(ordered.size()));
        ordered.forEach((sku, quantity) -> {
            args.add(sku);
            args.add(Integer.toString(quantity));
        });
        Long applied = redis.execute(REMOVE_ORDERED, List.of(CartKeys.lines(id), CartKeys.meta(id),
                CartKeys.prices(id), CartKeys.inbox(id, eventId), CartKeys.taken(id)), args.toArray());
        return applied != null && applied == 1;
    }

    @Override
    public OptionalInt giveBack(CartId id, UUID eventId, UUID orderId, Duration rememberEvent, Duration keepTaken) {
        Long given = redis.execute(GIVE_BACK, List.of(CartKeys.lines(id), CartKeys.meta(id),
                CartKeys.inbox(id, eventId), CartKeys.taken(id)), seconds(rememberEvent), clock.instant().toString(),
                Cart.newContentsId(), orderId.toString(), Long.toString(clock.instant().getEpochSecond()),
                seconds(keepTaken), Integer.toString(CartLimits.MAX_QUANTITY), Integer.toString(CartLimits.MAX_LINES));
        return given == null || given < 0 ? OptionalInt.empty() : OptionalInt.of(given.intValue());
    }

    @Override
    public void erase(CartId id) {
        List<String> keys = new ArrayList<>(CartKeys.all(id));
        keys.add(CartKeys.taken(id));
        redis.delete(keys);
    }

    @Override
    public Map<String, PriceMemory> lastKnownPrices(CartId id) {
        Map<String, PriceMemory> prices = new HashMap<>();
        redis.<String, String>opsForHash().entries(CartKeys.prices(id)).forEach((sku, json) -> {
            try {
                prices.put(sku, EventJson.read(json, PriceMemory.class));
            } catch (RuntimeException e) {
                log.warn("ignoring an unreadable remembered price of {} in cart {}: {}", sku, id, e.toString());
            }
        });
        return prices;
    }

    @Override
    public void rememberPrices(CartId id, List<PriceMemory> prices) {
        if (prices.isEmpty()) {
            return;
        }
        List<String> args = new ArrayList<>();
        args.add(Integer.toString(prices.size()));
        prices.forEach(price -> {
            args.add(price.line().sku());
            args.add(EventJson.write(price));
        });
        redis.execute(REMEMBER_PRICES, CartKeys.all(id), args.toArray());
    }

    /** A line nobody could have written through the API is skipped, not allowed to break the whole cart. */
    private static Optional<CartLine> line(CartId id, String sku, String quantity) {
        try {
            return Optional.of(new CartLine(sku, Integer.parseInt(quantity)));
        } catch (NumberFormatException | DomainException e) {
            log.warn("skipping unreadable line {} of cart {}: {}", sku, id, e.getMessage());
            return Optional.empty();
        }
    }

    private static ShippingAddress address(CartId id, String country, String postcode) {
        if (country == null || postcode == null) {
            return null;
        }
        try {
            return new ShippingAddress(country, postcode);
        } catch (DomainException e) {
            log.warn("ignoring an unreadable shipping address of cart {}", id);
            return null;
        }
    }

    private static String seconds(Duration duration) {
        return Long.toString(Math.max(1, duration.toSeconds()));
    }

    private static long version(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
