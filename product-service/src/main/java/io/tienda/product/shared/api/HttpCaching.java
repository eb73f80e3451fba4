package io.tienda.product.shared.api;

import io.tienda.platform.web.EntityTags;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Conditional GETs for the public catalog. Shoppers' browsers and any shared cache in front may keep
 * a response for a short while ({@code public, max-age}), then revalidate with If-None-Match and
 * get an empty 304 when nothing changed. What only staff may see is never stored by shared caches.
 */
public final class HttpCaching {

    private HttpCaching() {
    }

    public static CacheControl publicFor(Duration maxAge) {
        return CacheControl.maxAge(maxAge).cachePublic();
    }

    /** For what depends on who asks (staff views): the browser keeps it but must revalidate each time. */
    public static CacheControl privateRevalidated() {
        return CacheControl.noCache().cachePrivate();
    }

    /** A weak ETag over the serialized body: the same content gives the same tag, whatever produced it. */
    public static String contentTag(JsonMapper json, Object body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(body));
            return "W/\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 304 without a body when If-None-Match names {@code etag}, else 200 with the body; both carry the tag. */
    public static <T> ResponseEntity<T> respond(HttpServletRequest request, String etag, CacheControl cacheControl,
            T body) {
        if (EntityTags.noneMatchNames(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cacheControl).build();
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(cacheControl).body(body);
    }
}
