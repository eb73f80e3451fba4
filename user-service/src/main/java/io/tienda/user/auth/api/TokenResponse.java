package io.tienda.user.auth.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tienda.user.auth.TokenPair;

/** A successful sign-in or refresh, with the member names of RFC 6749 §5.1. */
@Schema(description = "Tokens: send access_token as a Bearer token; exchange refresh_token before it expires")
record TokenResponse(
        @JsonProperty("access_token") @Schema(description = "RS256 JWT") String accessToken,
        @JsonProperty("token_type") @Schema(example = "Bearer") String tokenType,
        @JsonProperty("expires_in") @Schema(description = "Seconds the access token stays valid", example = "900")
        long expiresIn,
        @JsonProperty("refresh_token") @Schema(description = "Opaque, single use; valid for 7 days")
        String refreshToken) {

    static TokenResponse of(TokenPair pair) {
        return new TokenResponse(pair.access().token(), "Bearer", pair.access().ttl().toSeconds(), pair.refreshToken());
    }

    @Override
    public String toString() {
        return "TokenResponse[expiresIn=" + expiresIn + "]";
    }
}
