package vn.khuyenhoc.cdht.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;

/** The CCCD and phone rules, without Spring. */
class CitizenIdNumbersTest {

    private static final String KEY = "a-test-key-that-is-long-enough-for-the-rule-0123456789";

    private final CitizenIdNumbers idNumbers = new CitizenIdNumbers(KEY, demo(false));

    @Test
    void accepts_twelve_digits_with_a_province_code_and_reads_the_birth_year() {
        CitizenIdNumbers.Protected id = idNumbers.protect("038 190 012 345");
        assertThat(id.masked()).isEqualTo("0381••••••45");
        assertThat(id.birthYear()).isEqualTo(1990);
        assertThat(id.hash()).hasSize(64).doesNotContain("038190012345");
        assertThat(idNumbers.protect("001203004567").birthYear()).isEqualTo(2003);
        assertThat(idNumbers.protect("096099000001").birthYear()).isEqualTo(1999);
    }

    @Test
    void the_same_number_typed_differently_hashes_the_same_and_other_keys_differ() {
        assertThat(idNumbers.protect("038.190.012.345").hash()).isEqualTo(idNumbers.protect("038190012345").hash());
        CitizenIdNumbers otherKey = new CitizenIdNumbers(KEY + "x", demo(false));
        assertThat(otherKey.protect("038190012345").hash()).isNotEqualTo(idNumbers.protect("038190012345").hash());
    }

    @Test
    void refuses_wrong_length_letters_and_province_codes_outside_001_to_096() {
        assertRefused("03819001234", "citizen.idNumber.format");
        assertRefused("0381900123456", "citizen.idNumber.format");
        assertRefused("03819001234a", "citizen.idNumber.format");
        assertRefused("", "citizen.idNumber.format");
        assertRefused("000190012345", "citizen.idNumber.province");
        assertRefused("097190012345", "citizen.idNumber.province");
    }

    @Test
    void a_sealed_number_comes_back_only_untouched() {
        CitizenIdNumbers.Protected id = idNumbers.protect("038190012345");
        String token = idNumbers.seal(id);
        assertThat(token).doesNotContain("038190012345");
        assertThat(idNumbers.unseal(token)).contains(id);
        String forged = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        assertThat(idNumbers.unseal(forged)).isEmpty();
        assertThat(idNumbers.unseal("garbage")).isEmpty();
        assertThat(new CitizenIdNumbers(KEY + "x", demo(false)).unseal(token)).isEmpty();
    }

    @Test
    void a_real_database_needs_a_long_key_and_demo_mode_falls_back_to_the_demo_key() {
        assertThatThrownBy(() -> new CitizenIdNumbers("", demo(false))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new CitizenIdNumbers("short", demo(false)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(new CitizenIdNumbers("", demo(true)).protect("038190012345").hash())
                .isEqualTo(new CitizenIdNumbers(CitizenIdNumbers.DEMO_KEY, demo(false))
                        .protect("038190012345").hash());
    }

    @Test
    void phone_numbers_are_vietnamese_mobiles() {
        assertThat(PhoneNumbers.normalise("0912 345 678")).isEqualTo("0912345678");
        assertThat(PhoneNumbers.normalise("+84 912 345 678")).isEqualTo("0912345678");
        assertThat(PhoneNumbers.normalise("84912345678")).isEqualTo("0912345678");
        assertThat(PhoneNumbers.normalise("0312.345.678")).isEqualTo("0312345678");
        assertThat(PhoneNumbers.normalise("0212345678")).isNull();
        assertThat(PhoneNumbers.normalise("091234567")).isNull();
        assertThat(PhoneNumbers.normalise("09123456789")).isNull();
        assertThat(PhoneNumbers.normalise("abc")).isNull();
    }

    private void assertRefused(String typed, String key) {
        assertThatThrownBy(() -> idNumbers.protect(typed))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo(key);
                    assertThat(e.field()).isEqualTo("idNumber");
                    assertThat(e.getMessage()).doesNotContain(typed.isEmpty() ? "\u0000" : typed);
                });
    }

    private static boolean demo(boolean on) {
        return on;
    }
}
