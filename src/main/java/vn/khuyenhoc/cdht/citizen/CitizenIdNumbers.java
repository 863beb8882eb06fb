package vn.khuyenhoc.cdht.citizen;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.khuyenhoc.cdht.shared.DemoMode;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;

/**
 * The only place that sees a CCCD (căn cước công dân) in clear. It checks the number, keeps a keyed hash
 * (HMAC-SHA256 with cdht.citizen.id-hash-key) for exact search and the masked form for display, and forgets the
 * digits. Without the key the hash cannot be reversed, even though 12 digits are few. Never log what passes here.
 */
@Component
class CitizenIdNumbers {

    static final String FIELD = "idNumber";
    /** Published with the code: fine for demo data, worthless for real data. */
    static final String DEMO_KEY = "cdht-demo-only-citizen-id-hash-key-never-for-real-data";
    static final int MIN_KEY_LENGTH = 32;
    private static final Logger log = LoggerFactory.getLogger(CitizenIdNumbers.class);
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-]");
    private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    @Autowired
    CitizenIdNumbers(@Value("${cdht.citizen.id-hash-key:}") String configuredKey, DemoMode demo) {
        this(configuredKey, demo.enabled());
    }

    CitizenIdNumbers(String configuredKey, boolean demoMode) {
        String chosen = configuredKey == null ? "" : configuredKey.trim();
        if (chosen.isEmpty() && demoMode) {
            log.warn("cdht.citizen.id-hash-key is not set: using the published demo key. Set it (>= {} characters, "
                    + "kept secret and never changed) before entering real CCCD numbers.", MIN_KEY_LENGTH);
            chosen = DEMO_KEY;
        }
        if (chosen.length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("Set cdht.citizen.id-hash-key (environment variable "
                    + "CDHT_CITIZEN_ID_HASH_KEY) to a secret of at least " + MIN_KEY_LENGTH + " characters. It keys "
                    + "the hash that finds CCCD numbers: keep it secret and never change it, or stored numbers "
                    + "can no longer be found.");
        }
        this.key = new SecretKeySpec(chosen.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** A checked CCCD without its digits: the lookup hash, the display mask, the birth year it encodes. */
    record Protected(String hash, String masked, int birthYear) {
    }

    /**
     * Checks a typed CCCD: 12 digits (spaces, dots and dashes ignored), a province code 001–096 first, then the
     * gender/century digit and the two last digits of the birth year.
     */
    Protected protect(String typed) {
        String digits = typed == null ? "" : SEPARATORS.matcher(typed).replaceAll("");
        if (!TWELVE_DIGITS.matcher(digits).matches()) {
            throw BusinessRuleException.onField(FIELD, "citizen.idNumber.format");
        }
        int province = Integer.parseInt(digits.substring(0, 3));
        if (province < 1 || province > 96) {
            throw BusinessRuleException.onField(FIELD, "citizen.idNumber.province");
        }
        // Digit 4 codes gender and century (0/1: 1900s, 2/3: 2000s, ...), digits 5-6 the year within it.
        int centuryCode = digits.charAt(3) - '0';
        int birthYear = 1900 + centuryCode / 2 * 100 + Integer.parseInt(digits.substring(4, 6));
        return new Protected(hash(digits), mask(digits), birthYear);
    }

    /** The hash of a typed CCCD for an exact search; the same checks as {@link #protect}. */
    String lookupHash(String typed) {
        return protect(typed).hash();
    }

    /** A checked CCCD as an opaque, tamper-proof token a form may carry instead of the number. */
    String seal(Protected id) {
        String payload = id.hash() + "|" + id.masked() + "|" + id.birthYear();
        return BASE64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + BASE64.encodeToString(
                mac("sealed-cccd|" + payload));
    }

    /** The CCCD a token sealed, if the token is intact. */
    Optional<Protected> unseal(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            String[] parts = token.split("\\.");
            if (parts.length != 2) {
                return Optional.empty();
            }
            String payload = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
            byte[] expected = mac("sealed-cccd|" + payload);
            if (!MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[1]))) {
                return Optional.empty();
            }
            String[] fields = payload.split("\\|");
            return Optional.of(new Protected(fields[0], fields[1], Integer.parseInt(fields[2])));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    static String mask(String digits) {
        return digits.substring(0, 4) + "••••••" + digits.substring(10);
    }

    private String hash(String digits) {
        return HexFormat.of().formatHex(mac(digits));
    }

    private byte[] mac(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " unavailable", e);
        }
    }
}
