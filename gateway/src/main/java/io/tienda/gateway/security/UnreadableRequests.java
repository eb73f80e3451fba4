package io.tienda.gateway.security;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import io.tienda.gateway.logging.RequestId;
import io.tienda.gateway.problem.ProblemWriter;
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
import java.util.UUID;

/**
 * Requests the web layer never sees, refused in the connection's pipeline with problem+json, a
 * request id and the hardening headers, like every other refusal. Without this, Reactor Netty and
 * Spring's adapter answer them with an empty body before any filter runs:
 * <ul>
 * <li>a target that does not parse as a URI (a broken percent-escape such as {@code %ZZ} or a lone
 * {@code %} in the path or query): 400 {@code malformed-request};</li>
 * <li>a request the HTTP decoder could not read: headers over the decoder's limit (431
 * {@code headers-too-large}), a request line over it (414 {@code uri-too-long}), or anything else
 * it refused, such as a contradictory {@code Transfer-Encoding} (400 {@code malformed-request});</li>
 * <li>an HTTP version other than 1.0 and 1.1 on a plain connection ({@code HTTP/2.0}, which Reactor Netty
 * refused with an empty 400, or {@code HTTP/9.9}, which it served as 1.1): 400 {@code malformed-request};</li>
 * <li>a chunked body the decoder could not read, such as a chunk size that is not hexadecimal, when the
 * answer to its request has not begun (Reactor Netty answered it with an empty 400): 400
 * {@code malformed-request};</li>
 * <li>a {@code Transfer-Encoding} other than {@code chunked} alone (such as {@code gzip}), which Netty's
 * decoder refuses from 4.2.19 and let through as a request without a body before: 400
 * {@code malformed-request} that names the Transfer-Encoding either way, as RFC 9112 section 6.3 asks of a
 * request whose final coding is not chunked, and since a proxy that reads the body otherwise than the
 * service behind it is how requests get smuggled.</li>
 * </ul>
 * Nothing from the request is echoed back, and the connection is closed after the answer, since the
 * rest of that request is never read.
 */
@Component
class UnreadableRequests implements NettyServerCustomizer {

    static final String HANDLER = "tienda.unreadableRequests";
    private static final Logger log = LoggerFactory.getLogger(UnreadableRequests.class);
    private static final Refusal UNREAD_CODING = new Refusal(ProblemType.MALFORMED_REQUEST,
            "The request's Transfer-Encoding is not one the gateway reads: send chunked or a Content-Length");

    private final JsonMapper json;

    UnreadableRequests(JsonMapper json) {
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

    /** What a request that cannot be served is refused as; null when it can be served. */
    static Refusal refusal(HttpRequest request) {
        if (request.decoderResult().isFailure()) {
            Throwable cause = request.decoderResult().cause();
            if (cause instanceof TooLongHttpHeaderException) {
                return new Refusal(ProblemType.HEADERS_TOO_LARGE, "The request's headers are over the gateway's limit");
            }
            if (cause instanceof TooLongHttpLineException) {
                return new Refusal(ProblemType.URI_TOO_LONG, "The request line is over the gateway's limit");
            }
            return onlyChunkedIfAny(request) ? new Refusal(ProblemType.MALFORMED_REQUEST,
                    "The request is not well-formed HTTP") : UNREAD_CODING;
        }
        if (request.protocolVersion().majorVersion() != 1) {
            return new Refusal(ProblemType.MALFORMED_REQUEST, "The request's HTTP version is not spoken here: send "
                    + "HTTP/1.1");
        }
        if (!onlyChunkedIfAny(request)) {
            return UNREAD_CODING;
        }
        if (!readable(request.uri())) {
            return new Refusal(ProblemType.MALFORMED_REQUEST,
                    "The request's path or query is not well-formed percent-encoding");
        }
        return null;
    }

    /** Whether the request names no Transfer-Encoding, or only {@code chunked}, once. */
    private static boolean onlyChunkedIfAny(HttpRequest request) {
        return !request.headers().contains(HttpHeaderNames.TRANSFER_ENCODING) || onlyChunked(request);
    }

    /** Whether every Transfer-Encoding the request names is {@code chunked}, once. */
    static boolean onlyChunked(HttpRequest request) {
        int chunked = 0;
        for (String header : request.headers().getAll(HttpHeaderNames.TRANSFER_ENCODING)) {
            for (String coding : header.split(",")) {
                if (!coding.strip().equalsIgnoreCase("chunked")) {
                    return false;
                }
                chunked++;
            }
        }
        return chunked == 1;
    }

    record Refusal(ProblemType type, String detail) {
    }

    /**
     * What a piece of a request's body that the HTTP decoder could not read (a chunk size that is not
     * hexadecimal, a chunk over the decoder's limit) is refused as. It comes after the request has gone
     * on to the web layer, which Reactor Netty otherwise answered with an empty 400.
     */
    static Refusal refusal(HttpContent content) {
        return content.decoderResult().isFailure()
                ? new Refusal(ProblemType.MALFORMED_REQUEST, "The request's body is not well-formed chunked encoding")
                : null;
    }

    /**
     * One per connection: after a refusal it drops whatever else arrives, and whatever the web layer
     * still writes for the refused request, until the connection closes.
     */
    private final class Handler extends ChannelDuplexHandler {

        private boolean refused;

        /** Requests read and answers begun on this connection (informational 1xx not counted), and whether one is being written. */
        private long requests;
        private long answers;
        private boolean midAnswer;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            if (refused) {
                ReferenceCountUtil.release(message);
                return;
            }
            Refusal refusal = null;
            if (message instanceof HttpRequest request) {
                requests++;
                refusal = refusal(request);
            }
            else if (message instanceof HttpContent content && answers == requests - 1 && !midAnswer) {
                // only while nothing has been answered for the request being read, nor is being written
                refusal = refusal(content);
            }
            if (refusal == null) {
                ctx.fireChannelRead(message);
                return;
            }
            ReferenceCountUtil.release(message);
            refused = true;
            String requestId = UUID.randomUUID().toString();
            log.info("refused a request from {} that cannot be read ({}), requestId={}",
                    ctx.channel().remoteAddress(), refusal.type().slug(), requestId);
            ctx.writeAndFlush(problem(refusal, requestId)).addListener(ChannelFutureListener.CLOSE);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
            if (refused) {
                ReferenceCountUtil.release(message);
                promise.setSuccess();
                return;
            }
            if (message instanceof HttpResponse response && response.status().codeClass() != HttpStatusClass.INFORMATIONAL) {
                answers++;
                midAnswer = true;
            }
            if (message instanceof LastHttpContent) {
                midAnswer = false;
            }
            ctx.write(message, promise);
        }

        private FullHttpResponse problem(Refusal refusal, String requestId) {
            ProblemType type = refusal.type();
            byte[] body = json.writeValueAsBytes(ProblemWriter.members(type, refusal.detail(), null, requestId));
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(type.status()), Unpooled.wrappedBuffer(body));
            response.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                    .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                    .set(RequestId.HEADER, requestId);
            SecurityHeadersFilter.ALWAYS.forEach(response.headers()::set);
            response.headers().set(SecurityHeadersFilter.CONTENT_SECURITY_POLICY, SecurityHeadersFilter.DATA_ONLY);
            return response;
        }
    }
}
