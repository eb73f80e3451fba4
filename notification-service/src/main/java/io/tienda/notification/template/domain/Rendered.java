package io.tienda.notification.template.domain;

/** A message ready to send: its subject and both bodies, in one language. */
public record Rendered(String subject, String html, String text) {

    @Override
    public String toString() {
        // The bodies may carry single-use links: never in a log line.
        return "Rendered[subject length=" + subject.length() + "]";
    }
}
