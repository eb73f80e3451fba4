package io.tienda.payment.invoice;

import io.tienda.payment.invoice.domain.Invoice;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** An invoice as an HTML page and as a PDF (Apache PDFBox, one A4 page per 40 lines). */
@Component
public class InvoiceDocuments {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public String html(Invoice invoice) {
        StringBuilder rows = new StringBuilder();
        rows.append(row(DATE.format(invoice.issuedAt()), "Payment of order " + invoice.orderId(),
                invoice.format(invoice.charged())));
        for (Invoice.Line refund : invoice.refunds()) {
            rows.append(row(DATE.format(refund.at()), refund.description(), invoice.format(-refund.amount())));
        }
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Invoice %1$s</title>
                <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%%}
                td,th{border-bottom:1px solid #ccc;padding:.4em;text-align:left}td.amount,th.amount{text-align:right}</style>
                </head><body>
                <h1>Tienda — Invoice %1$s</h1>
                <p>Issued %2$s · Order %3$s · Payment %4$s</p>%8$s
                <table><thead><tr><th>Date</th><th>Description</th><th class="amount">Amount</th></tr></thead>
                <tbody>%5$s</tbody>
                <tfoot><tr><th></th><th>Total paid</th><th class="amount">%6$s</th></tr></tfoot></table>
                <p>Provider reference: %7$s</p>
                </body></html>
                """.formatted(esc(invoice.number()), esc(DATE.format(invoice.issuedAt())), invoice.orderId(),
                invoice.paymentId(), rows, esc(invoice.format(invoice.net())),
                esc(invoice.providerReference() == null ? "—" : invoice.providerReference()),
                invoice.formerNumber() == null ? "" : "\n<p>Formerly numbered " + esc(invoice.formerNumber()) + "</p>");
    }

    public byte[] pdf(Invoice invoice) {
        List<String> lines = new ArrayList<>();
        lines.add("Invoice " + invoice.number());
        if (invoice.formerNumber() != null) {
            lines.add("Formerly numbered " + invoice.formerNumber());
        }
        lines.add("");
        lines.add("Issued: " + DATE.format(invoice.issuedAt()));
        lines.add("Order: " + invoice.orderId());
        lines.add("Payment: " + invoice.paymentId());
        lines.add("Provider reference: " + (invoice.providerReference() == null ? "-" : invoice.providerReference()));
        lines.add("");
        lines.add(DATE.format(invoice.issuedAt()) + "   Payment of the order   " + invoice.format(invoice.charged()));
        for (Invoice.Line refund : invoice.refunds()) {
            lines.add(DATE.format(refund.at()) + "   " + refund.description() + "   "
                    + invoice.format(-refund.amount()));
        }
        lines.add("");
        lines.add("Total paid: " + invoice.format(invoice.net()));
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Invoice " + invoice.number());
            info.setAuthor("Tienda");
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            for (int start = 0; start < lines.size(); start += 40) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                    text.beginText();
                    text.newLineAtOffset(56, PDRectangle.A4.getHeight() - 72);
                    text.setLeading(16);
                    for (int i = start; i < Math.min(lines.size(), start + 40); i++) {
                        text.setFont(i == 0 ? bold : regular, i == 0 ? 18 : 11);
                        text.showText(winAnsi(lines.get(i)));
                        text.newLine();
                    }
                    text.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the invoice as PDF", e);
        }
    }

    private static String row(String date, String description, String amount) {
        return "<tr><td>" + esc(date) + "</td><td>" + esc(description) + "</td><td class=\"amount\">" + esc(amount)
                + "</td></tr>";
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text);
    }

    /** The standard PDF fonts know WinAnsi only: accents are folded, anything else becomes '?'. */
    private static String winAnsi(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        StringBuilder safe = new StringBuilder();
        for (char c : folded.toCharArray()) {
            safe.append(c >= 32 && c < 127 ? c : '?');
        }
        return safe.toString();
    }
}
