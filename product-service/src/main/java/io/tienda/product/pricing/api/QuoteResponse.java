package io.tienda.product.pricing.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tienda.platform.events.Money;
import io.tienda.product.offer.domain.AppliedOffer;
import io.tienda.product.pricing.PriceQuotes;
import io.tienda.product.pricing.domain.CouponOutcome;
import io.tienda.product.pricing.domain.PricedLine;
import io.tienda.product.pricing.domain.Quote;
import io.tienda.product.shared.domain.LocalizedText;

import java.util.List;

@Schema(description = "A priced cart; amounts in minor units of currency")
record QuoteResponse(String currency, List<LineResponse> lines, Totals totals,
        @JsonInclude(JsonInclude.Include.NON_NULL) CouponResponse coupon) {

    @Schema(description = "A line: priced when available, otherwise only sku, quantity and reason")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LineResponse(String sku, int quantity, boolean available,
            @Schema(allowableValues = {"unknown", "inactive", "currency"}) String reason,
            String productId, Name name, Boolean inStock, Money unitPrice, Money subtotal, AppliedOfferResponse offer,
            Money couponDiscount, Money discount, Money lineTotal) {
    }

    record Name(String es, String en) {

        static Name of(LocalizedText text) {
            return text == null ? null : new Name(text.es(), text.en());
        }
    }

    @Schema(description = "The automatic offer chosen for the line and what it took off")
    record AppliedOfferResponse(String id, String name, Money discount) {
    }

    record Totals(Money subtotal, Money offerDiscount, Money couponDiscount, Money discount, Money total) {
    }

    @Schema(description = "The coupon given: applied, or why not")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CouponResponse(String code, boolean applied,
            @Schema(allowableValues = {"unknown", "expired", "exhausted", "minimum-not-met", "not-applicable"})
            String reason, String offerId, String name, Money discount, Money minimumOrder) {
    }

    static QuoteResponse of(PriceQuotes.Result result) {
        Quote quote = result.quote();
        List<LineResponse> lines = result.lines().stream().map(QuoteResponse::line).toList();
        Totals totals = new Totals(quote.subtotal(), quote.offerDiscount(), quote.couponDiscount(), quote.discount(),
                quote.total());
        return new QuoteResponse(quote.currency(), lines, totals, coupon(quote.coupon()));
    }

    private static LineResponse line(PriceQuotes.Line line) {
        if (line.unavailable() != null) {
            return new LineResponse(line.sku(), line.quantity(), false, line.unavailable().code(), null, null, null,
                    null, null, null, null, null, null);
        }
        PricedLine priced = line.priced();
        AppliedOffer offer = priced.offer();
        Money couponDiscount = Money.of(priced.couponDiscount(), priced.line().unitPrice().currency());
        return new LineResponse(line.sku(), line.quantity(), true, null, priced.line().item().productId(),
                Name.of(priced.line().name()), line.inStock(), priced.line().unitPrice(), priced.subtotal(),
                offer == null ? null : new AppliedOfferResponse(offer.offer().id(), offer.offer().name(),
                        Money.of(offer.amount(), priced.line().unitPrice().currency())),
                couponDiscount, priced.discount(), priced.total());
    }

    private static CouponResponse coupon(CouponOutcome outcome) {
        if (outcome == null) {
            return null;
        }
        var offer = outcome.offer();
        return new CouponResponse(outcome.code(), outcome.applied(),
                outcome.reason() == null ? null : outcome.reason().code(),
                offer == null ? null : offer.id(), offer == null ? null : offer.name(), outcome.discount(),
                offer == null || offer.coupon() == null ? null : offer.coupon().minimumOrder());
    }
}
