package vn.khuyenhoc.cdht.account;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The one-time token that lets the person who started the server create the first admin. It lives only in
 * memory and only in the log; a restart prints a new one.
 */
@Component
class SetupToken {

    private final AtomicReference<String> token = new AtomicReference<>();

    void issue(String value) {
        token.set(value);
    }

    /** The token as printed in the log; null once used. */
    String current() {
        return token.get();
    }

    boolean active() {
        return token.get() != null;
    }

    /** Consumes the token when it matches; constant-time so the comparison leaks nothing. */
    boolean consume(String candidate) {
        String expected = token.get();
        if (expected == null || candidate == null) {
            return false;
        }
        boolean match = MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                candidate.trim().getBytes(StandardCharsets.UTF_8));
        return match && token.compareAndSet(expected, null);
    }
}
