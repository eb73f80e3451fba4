package io.tienda.payment.simulator.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.payment.simulator.SimulatedProvider;
import io.tienda.payment.simulator.domain.SimulatedReply;
import io.tienda.platform.problem.DomainException;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import java.util.Map;

/**
 * The simulated provider's 3-D Secure page: where a {@code redirect_to_url} next action leads the
 * shopper's browser, as Stripe's would. Only in the local fleet (provider {@code simulated}).
 */
@Tag(name = "Simulated provider", description = "3-D Secure of the local fleet's simulated provider")
@RestController
@RequestMapping("/api/v1/payments/simulator/authenticate/{intentId}")
@ConditionalOnProperty(name = "tienda.payments.provider", havingValue = "simulated", matchIfMissing = true)
class SimulatorResource {

    private static final String INTENT_ID = "pi_sim_[0-9a-f]{24}";

    private final SimulatedProvider provider;

    SimulatorResource(SimulatedProvider provider) {
        this.provider = provider;
    }

    @Operation(summary = "The 3-D Secure challenge page of an intent (simulated provider)")
    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    public String page(@PathVariable @Pattern(regexp = INTENT_ID) String intentId) {
        String id = HtmlUtils.htmlEscape(intentId);
        return """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>3-D Secure (simulated)</title></head>
                <body><h1>Confirm this payment</h1><p>Simulated 3-D Secure for %s.</p>
                <form method="post" action="?outcome=complete"><button>Complete authentication</button></form>
                <form method="post" action="?outcome=fail"><button>Fail authentication</button></form>
                </body></html>""".formatted(id);
    }

    @Operation(summary = "Complete or fail the 3-D Secure challenge of an intent (simulated provider)",
            description = "The outcome reaches payment-service as a signed webhook, as Stripe's would.")
    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> authenticate(@PathVariable @Pattern(regexp = INTENT_ID) String intentId,
            @RequestParam(defaultValue = "complete") @Pattern(regexp = "complete|fail") String outcome) {
        SimulatedReply reply = provider.authenticate(intentId, "complete".equals(outcome));
        if (reply.intent() == null) {
            throw DomainException.notFound("payment intent", intentId);
        }
        if (!reply.ok()) {
            throw DomainException.conflict(reply.error().message());
        }
        return Map.of("id", intentId, "status", reply.intent().status().stripeName());
    }
}
