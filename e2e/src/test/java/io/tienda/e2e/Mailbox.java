package io.tienda.e2e;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;


/**
 * The local fleet's mail reader ({@code GET /messages?to=}), which shows what notification-service
 * handed to the fleet's SMTP server. {@code -Dtienda.e2e.mail-reader-url} points elsewhere.
 */
final class Mailbox {

    static final String URL = System.getProperty("tienda.e2e.mail-reader-url", "http://localhost:8025/messages");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Mail(String to, String subject, String text, String html) {
    }

    private Mailbox() {
    }

    /** Every mail to {@code address} so far, oldest first. */
    static List<Mail> to(String address) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(URL + "?to="
                + URLEncoder.encode(address, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            List<Mail> mails = new ArrayList<>();
            for (JsonNode mail : JSON.readTree(response.body())) {
                List<String> to = new ArrayList<>();
                mail.path("to").forEach(recipient -> to.add(recipient.asString()));
                mails.add(new Mail(String.join(", ", to), mail.path("subject").asString(),
                        mail.path("text").asString(), mail.path("html").asString()));
            }
            return mails;
        } catch (IOException e) {
            throw new IllegalStateException("the mail reader at " + URL + " is not reachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits for a mail to {@code address} that {@code matches}, and answers it. */
    static Mail await(String address, String what, Predicate<Mail> matches) {
        return Mailbox.await(address, what, matches, Duration.ofSeconds(90));
    }

    static Mail await(String address, String what, Predicate<Mail> matches, Duration within) {
        return org.awaitility.Awaitility.await(what + " mailed to " + address).atMost(within)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> to(address).stream().filter(matches).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
    }

    /** How many mails to {@code address} match, after a moment for any late duplicate to arrive. */
    static long countAfterQuiet(String address, Predicate<Mail> matches, Duration quiet) {
        org.awaitility.Awaitility.await().pollDelay(quiet).atMost(quiet.plusSeconds(5)).until(() -> true);
        return to(address).stream().filter(matches).count();
    }
}
