package io.tienda.user.auth.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Passwords attackers try first. Besides exact (case-insensitive) matches it refuses the usual
 * disguises of a listed word: digits and symbols around it ("Password2024!"), look-alike characters
 * ("P@ssw0rd") and a single repeated character ("Aaaaaaa1!"), because that is how people satisfy
 * character-class rules with a weak password.
 */
public final class CommonPasswords {

    /** The list shipped with the service: one lower-case entry per line, {@code #} starts a comment. */
    public static final String RESOURCE = "/auth/common-passwords.txt";

    private final Set<String> entries;

    public CommonPasswords(Set<String> entries) {
        Set<String> lower = new HashSet<>();
        entries.forEach(entry -> lower.add(entry.toLowerCase(Locale.ROOT)));
        this.entries = Set.copyOf(lower);
    }

    public static CommonPasswords shipped() {
        try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static CommonPasswords read(InputStream in) throws IOException {
        Set<String> entries = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    entries.add(entry);
                }
            }
        }
        return new CommonPasswords(entries);
    }

    public int size() {
        return entries.size();
    }

    public boolean isCommon(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        for (String candidate : candidates(lower)) {
            if (entries.contains(candidate) || fewDistinctCharacters(candidate)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> candidates(String lower) {
        Set<String> candidates = new LinkedHashSet<>();
        candidates.add(lower);
        String core = stripDecoration(lower);
        if (core.length() >= 3) {
            candidates.add(core);
        }
        String plain = unLeet(lower);
        candidates.add(plain);
        String plainCore = stripDecoration(unLeet(core.length() >= 3 ? core : lower));
        if (plainCore.length() >= 3) {
            candidates.add(plainCore);
        }
        candidates.add(stripDecoration(plain));
        candidates.removeIf(c -> c.length() < 3);
        return candidates;
    }

    /** "!!password2024?" becomes "password": what is left once leading and trailing non-letters go. */
    private static String stripDecoration(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && !Character.isLetter(s.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static String unLeet(String s) {
        StringBuilder plain = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            plain.append(switch (c) {
                case '@', '4' -> 'a';
                case '3' -> 'e';
                case '1', '!' -> 'i';
                case '0' -> 'o';
                case '$', '5' -> 's';
                case '7' -> 't';
                default -> c;
            });
        }
        return plain.toString();
    }

    private static boolean fewDistinctCharacters(String candidate) {
        return candidate.length() >= 3 && candidate.chars().distinct().count() <= 2;
    }
}
