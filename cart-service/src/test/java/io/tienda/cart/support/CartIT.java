package io.tienda.cart.support;

import io.tienda.platform.testing.messaging.EventMessages;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.tienda.platform.testing.http.ApiReply;
import io.tienda.platform.testing.http.TestApi;
import io.tienda.platform.testing.security.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.util.HashMap;
import java.util.Map;

/**
 * What every cart integration test starts from: the API, Redis, the fake catalog (up, with its
 * breaker closed) and, when a test reads or sends Kafka messages, a {@link EventMessages} closed after it.
 */
@CartServiceTest
public abstract class CartIT {

    public static final String CART_TOKEN = "X-Cart-Token";

    @Autowired
    protected RestTestClient http;

    @Autowired
    protected StringRedisTemplate redis;

    @Autowired
    protected Environment environment;

    @Autowired
    private CircuitBreakerRegistry breakers;

    protected final FakeCatalog catalog = FakeCatalog.INSTANCE;
    protected TestApi api;
    private EventMessages messages;

    @DynamicPropertySource
    static void productService(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.product-service[0].uri",
                FakeCatalog.INSTANCE::uri);
    }

    @BeforeEach
    void connect() {
        api = new TestApi(http);
        catalog.down(false);
        breakers.getAllCircuitBreakers().forEach(breaker -> breaker.reset());
    }

    @AfterEach
    void closeMessages() {
        catalog.down(false);
        if (messages != null) {
            messages.close();
            messages = null;
        }
    }

    protected EventMessages messages() {
        if (messages == null) {
            messages = new EventMessages(environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
        }
        return messages;
    }

    /** A shopper no other test uses, signed in. */
    protected Shopper customer() {
        String id = TestTokens.newCustomer();
        return new Shopper(id, TestTokens.customer(id), null);
    }

    /** The signed-in shopper whose token subject is {@code id}. */
    protected Shopper customer(String id) {
        return new Shopper(id, TestTokens.customer(id), null);
    }

    /** An anonymous shopper without a cart yet. */
    protected Shopper guest() {
        return new Shopper(null, null, null);
    }

    /** Someone calling the cart API: a bearer token, a guest cart token, both or neither. */
    public final class Shopper {

        private final String id;
        private final String bearer;
        private volatile String cartToken;

        Shopper(String id, String bearer, String cartToken) {
            this.id = id;
            this.bearer = bearer;
            this.cartToken = cartToken;
        }

        public String id() {
            return id;
        }

        public String bearer() {
            return bearer;
        }

        public String cartToken() {
            return cartToken;
        }

        /** The same person after signing in as {@code customer}, still holding the guest token. */
        public Shopper signedInAs(Shopper customer) {
            return new Shopper(customer.id, customer.bearer, cartToken);
        }

        public Shopper withCartToken(String token) {
            return new Shopper(id, bearer, token);
        }

        public Shopper withoutCartToken() {
            return new Shopper(id, bearer, null);
        }

        public ApiReply send(HttpMethod method, String path, Object body) {
            Map<String, String> headers = new HashMap<>();
            if (cartToken != null) {
                headers.put(CART_TOKEN, cartToken);
            }
            ApiReply reply = api.send(method, path, bearer, body, headers);
            String issued = reply.headers().getFirst(CART_TOKEN);
            if (issued != null) {
                cartToken = issued;
            }
            return reply;
        }

        public ApiReply cart() {
            return send(HttpMethod.GET, "/api/v1/cart", null);
        }

        public ApiReply add(String sku, int quantity) {
            return send(HttpMethod.POST, "/api/v1/cart/items", Map.of("sku", sku, "quantity", quantity));
        }

        public ApiReply change(String sku, int quantity) {
            return send(HttpMethod.PATCH, "/api/v1/cart/items/" + sku, Map.of("quantity", quantity));
        }

        public ApiReply remove(String sku) {
            return send(HttpMethod.DELETE, "/api/v1/cart/items/" + sku, null);
        }

        public ApiReply coupon(String code) {
            return send(HttpMethod.PUT, "/api/v1/cart/coupon", Map.of("code", code));
        }

        public ApiReply shipTo(String country, String postcode) {
            return send(HttpMethod.PUT, "/api/v1/cart/shipping-address",
                    Map.of("country", country, "postcode", postcode));
        }

        public ApiReply merge() {
            return send(HttpMethod.POST, "/api/v1/cart/merge", null);
        }

        public ApiReply checkout() {
            return send(HttpMethod.POST, "/api/v1/cart/checkout", null);
        }

        /** SKU → quantity as the cart answers now. */
        public Map<String, Integer> quantities() {
            Map<String, Integer> quantities = new HashMap<>();
            cart().expect(200).json().get("items").forEach(item ->
                    quantities.put(item.get("sku").asString(), item.get("quantity").asInt()));
            return quantities;
        }
    }
}
