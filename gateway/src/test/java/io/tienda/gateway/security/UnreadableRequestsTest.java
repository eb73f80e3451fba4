package io.tienda.gateway.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class UnreadableRequestsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/products", "/api/v1/products?page=0&size=20", "/api/v1/search/products?q=caf%C3%A9",
            "/api/v1/products/%2F", "/api/v1/products/%C0%AF", "/api/v1/cart/items/SKU-1~x", "*", "/a?b=c+d"})
    void wellFormedTargetsPass(String target) {
        assertThat(UnreadableRequests.readable(target)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/products/%ZZ", "/api/v1/products?q=%", "/api/v1/products?q=%4", "/a b", "/x?q=a%G1",
            "/x?q=<script>"})
    void brokenTargetsAreRefused(String target) {
        assertThat(UnreadableRequests.readable(target)).isFalse();
    }
}
