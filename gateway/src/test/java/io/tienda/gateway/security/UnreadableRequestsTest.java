package io.tienda.gateway.security;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;
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

    private static HttpRequest request(HttpVersion version, String... transferEncodings) {
        HttpRequest request = new DefaultHttpRequest(version, HttpMethod.POST, "/api/v1/pricing");
        for (String codings : transferEncodings) {
            request.headers().add("Transfer-Encoding", codings);
        }
        return request;
    }

    @Test
    void chunkedAloneIsTheOnlyTransferCodingTheGatewayReads() {
        assertThat(UnreadableRequests.refusal(request(HttpVersion.HTTP_1_1))).isNull();
        assertThat(UnreadableRequests.refusal(request(HttpVersion.HTTP_1_1, "chunked"))).isNull();
        assertThat(UnreadableRequests.refusal(request(HttpVersion.HTTP_1_1, "Chunked"))).isNull();
        for (String[] codings : new String[][] {{"gzip"}, {"gzip, chunked"}, {"chunked", "chunked"}, {""},
                {"identity"}}) {
            assertThat(UnreadableRequests.refusal(request(HttpVersion.HTTP_1_1, codings))).as(String.join("|", codings))
                    .isNotNull().extracting(UnreadableRequests.Refusal::detail).asString().contains("Transfer-Encoding");
        }
    }

    /** Netty's decoder refuses such codings itself from 4.2.19; the answer still names the header. */
    @Test
    void aTransferCodingTheDecoderRefusedIsNamedInTheRefusal() {
        HttpRequest coded = request(HttpVersion.HTTP_1_1, "gzip");
        coded.setDecoderResult(DecoderResult.failure(new IllegalArgumentException("unsupported transfer coding")));
        HttpRequest broken = request(HttpVersion.HTTP_1_1, "chunked");
        broken.setDecoderResult(DecoderResult.failure(new IllegalArgumentException("invalid header")));

        assertThat(UnreadableRequests.refusal(coded)).extracting(UnreadableRequests.Refusal::detail).asString()
                .contains("Transfer-Encoding");
        assertThat(UnreadableRequests.refusal(broken)).extracting(UnreadableRequests.Refusal::detail)
                .isEqualTo("The request is not well-formed HTTP");
    }

    @Test
    void onlyHttp1IsSpoken() {
        assertThat(UnreadableRequests.refusal(request(HttpVersion.HTTP_1_0))).isNull();
        assertThat(UnreadableRequests.refusal(request(HttpVersion.valueOf("HTTP/2.0")))).isNotNull()
                .extracting(UnreadableRequests.Refusal::detail).asString().contains("HTTP version");
    }
}
