package io.tienda.gateway.security;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import io.tienda.gateway.logging.RequestId;
import io.tienda.platform.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Requests whose target the web layer cannot read (a broken percent-escape in the path or the query,
 * such as {@code %ZZ} or a lone {@code %}) are refused in the connection's pipeline with the same 400
 * problem+json, request id and hardening headers as every other refusal. Without this, Spring's
 * Reactor Netty adapter answers them with an empty 400 before any filter runs. Nothing from the
 * target is echoed back, and the connection is closed after the answer, since the rest of that
 * request is never read.
 */
@Component
class UnreadableTargets implements NettyServerCustomizer {

    static final String HANDLER = "tienda.unreadableTargets";
    private static final Logger log = LoggerFactory.getLogger(UnreadableTargets.class);

    private final JsonMapper json;

    UnreadableTargets(JsonMapper json) {
        this.json = json;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, address) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, HANDLER, new Handler());
            }
        });
    }

    /**
     * Whether the request target parses as a URI, as Spring's adapter requires. Most targets hold
     * only characters that cannot break a URI and skip the parse.
     */
    static boolean readable(String target) {
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '/' || c == '-' || c == '_' || c == '.' || c == '?' || c == '=' || c == '&' || c == ',';
            if (!plain) {
                try {
                    new URI(target);
                    return true;
                } catch (URISyntaxException e) {
                    return false;
                }
            }
        }
        return true;
    }

    /** One per connection: after a refusal it drops whatever else arrives until the connection closes. */
    private final class Handler extends ChannelInboundHandlerAdapter {

        private boolean refused;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            if (!refused && !(message instanceof HttpRequest request && !readable(request.uri()))) {
                ctx.fireChannelRead(message);
                return;
            }
            ReferenceCountUtil.release(message);
            if (refused) {
                return;
            }
            refused = true;
            String requestId = UUID.randomUUID().toString();
            log.info("refused a request from {} whose target cannot be read, requestId={}", ctx.channel().remoteAddress(), requestId);
            ctx.writeAndFlush(problem(requestId)).addListener(ChannelFutureListener.CLOSE);
        }

        private FullHttpResponse problem(String requestId) {
            ProblemType type = ProblemType.MALFORMED_REQUEST;
            Map<String, Object> members = new LinkedHashMap<>();
            members.put("type", type.uri().toString());
            members.put("title", type.title());
            members.put("status", type.status());
            members.put("detail", "The request's path or query is not well-formed percent-encoding");
            members.put("requestId", requestId);
            byte[] body = json.writeValueAsBytes(members);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(type.status()), Unpooled.wrappedBuffer(body));
            response.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                    .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                    .set(RequestId.HEADER, requestId)
                    .set(SecurityHeadersFilter.CONTENT_TYPE_OPTIONS, "nosniff")
                    .set(SecurityHeadersFilter.FRAME_OPTIONS, "DENY")
                    .set(SecurityHeadersFilter.REFERRER_POLICY, "no-referrer");
            return response;
        }
    }
}
