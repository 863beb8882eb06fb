package vn.khuyenhoc.cdht.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Random codes and tokens and their hashes. Codes are typed by people from a slip: 10 characters from an alphabet
 * without 0/O and 1/I (32 symbols, 50 bits), shown in two groups of five; typed input is folded to upper case
 * with spaces and dashes dropped. Tokens (magic links, sessions) are 32 random bytes, URL-safe. Both are stored only
 * as SHA-256: they are random and long enough that a plain hash cannot be reversed by guessing, and an exact look-up
 * by hash needs no per-row salt.
 */
final class Secrets {

    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    static final int CODE_LENGTH = 10;
    static final int REFERENCE_LENGTH = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    static String code() {
        return randomOf(CODE_LENGTH);
    }

    static String reference() {
        return randomOf(REFERENCE_LENGTH);
    }

    static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** "ABCDEFGHJK" → "ABCDE-FGHJK", for slips and pages. */
    static String display(String code) {
        return code.length() == CODE_LENGTH ? code.substring(0, 5) + "-" + code.substring(5) : code;
    }

    /** What the person typed, in the stored form: upper case, without spaces and dashes; null if blank. */
    static String normalize(String typed) {
        if (typed == null) {
            return null;
        }
        String folded = typed.replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
        return folded.isEmpty() ? null : folded;
    }

    /** Whether the normalized input can be a code or reference at all (length and alphabet). */
    static boolean wellFormed(String normalized, int length) {
        if (normalized == null || normalized.length() != length) {
            return false;
        }
        return normalized.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }

    static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomOf(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
