package io.tienda.payment.invoice.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tienda.payment.invoice.InvoiceDocuments;
import io.tienda.payment.invoice.Invoices;
import io.tienda.payment.invoice.domain.Invoice;
import io.tienda.payment.payments.Payments;
import io.tienda.platform.core.Roles;
import io.tienda.platform.security.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@Tag(name = "Invoices", description = "Invoices of captured payments")
@RestController
class InvoiceResource {

    private static final String PATH = "/api/v1/payments/{id}/invoice";

    private final Invoices invoices;
    private final InvoiceDocuments documents;
    private final CurrentUser currentUser;

    InvoiceResource(Invoices invoices, InvoiceDocuments documents, CurrentUser currentUser) {
        this.invoices = invoices;
        this.documents = documents;
        this.currentUser = currentUser;
    }

    @Operation(summary = "The invoice of a captured payment, as HTML",
            description = "The order's customer or staff; anyone else 404. A payment that took no money: 409.")
    @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> html(@PathVariable UUID id) {
        Invoice invoice = visible(id);
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(documents.html(invoice));
    }

    @Operation(summary = "The invoice of a captured payment, as PDF",
            description = "The order's customer or staff; anyone else 404. A payment that took no money: 409.")
    @GetMapping(path = PATH, produces = MediaType.APPLICATION_PDF_VALUE)
    public ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        Invoice invoice = visible(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(invoice.number() + ".pdf").build().toString())
                .body(documents.pdf(invoice));
    }

    private Invoice visible(UUID id) {
        Payments.PaymentRecord found = invoices.payment(id);
        currentUser.requireOwnerOr(found.payment().customerId(), "payment", id, Roles.STAFF);
        return invoices.of(found);
    }
}
