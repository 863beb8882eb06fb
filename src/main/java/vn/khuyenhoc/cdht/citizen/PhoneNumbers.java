package vn.khuyenhoc.cdht.citizen;

import java.util.regex.Pattern;

/** Vietnamese mobile numbers: 10 digits, 0 then 3, 5, 7, 8 or 9; +84 and 84 prefixes are accepted and dropped. */
final class PhoneNumbers {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()]");
    private static final Pattern MOBILE = Pattern.compile("0[35789]\\d{8}");

    private PhoneNumbers() {
    }

    /** The number as 0xxxxxxxxx, or null if it is not a Vietnamese mobile number. */
    static String normalise(String typed) {
        String digits = SEPARATORS.matcher(typed == null ? "" : typed).replaceAll("");
        if (digits.startsWith("+84")) {
            digits = "0" + digits.substring(3);
        } else if (digits.startsWith("84") && digits.length() == 11) {
            digits = "0" + digits.substring(2);
        }
        return MOBILE.matcher(digits).matches() ? digits : null;
    }
}
