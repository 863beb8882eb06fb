package vn.khuyenhoc.cdht.account;

import java.security.SecureRandom;
import java.util.Locale;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;

/** What a chosen password must be, and how one-time passwords for new or reset accounts are made. */
final class PasswordPolicy {

    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 100;
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordPolicy() {
    }

    static void check(String username, String password, String confirmation) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw BusinessRuleException.onField("newPassword", "account.password.tooShort", MIN_LENGTH);
        }
        if (password.length() > MAX_LENGTH) {
            throw BusinessRuleException.onField("newPassword", "account.password.tooLong", MAX_LENGTH);
        }
        if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            throw BusinessRuleException.onField("newPassword", "account.password.containsUsername");
        }
        if (!password.equals(confirmation)) {
            throw BusinessRuleException.onField("confirmation", "account.password.mismatch");
        }
    }

    /** A random one-time password, shown once to whoever created or reset the account. */
    static String oneTimePassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
