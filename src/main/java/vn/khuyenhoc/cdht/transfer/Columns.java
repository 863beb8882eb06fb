package vn.khuyenhoc.cdht.transfer;

import java.util.ArrayList;
import java.util.List;
import vn.khuyenhoc.cdht.criteria.CriteriaDefinition;
import vn.khuyenhoc.cdht.criteria.IndicatorDefinition;

/**
 * The one column layout of templates, exports and imports, so that an export imports back unchanged. The headers
 * are part of the file format and stay Vietnamese whatever the page language: a self-score column per indicator
 * ("Tự đánh giá 1" … "Tự đánh giá 10") and a verified-score column per indicator ("Thẩm định 1" …), labelled with
 * the indicator codes of the criteria set in force for the year.
 */
final class Columns {

    static final String UNIT = "Mã thôn";
    static final String NAME = "Họ và tên";
    static final String BIRTH_YEAR = "Năm sinh";
    static final String GENDER = "Giới tính";
    static final String ID_NUMBER = "Số CCCD";
    static final String GROUP = "Đối tượng";
    static final String YEAR = "Năm đánh giá";
    static final String SELF_PREFIX = "Tự đánh giá ";
    static final String VERIFIED_PREFIX = "Thẩm định ";
    static final List<String> FIXED = List.of(UNIT, NAME, BIRTH_YEAR, GENDER, ID_NUMBER, GROUP, YEAR);
    /** The message-key suffix of each fixed column's explanation on the notes sheet. */
    static final List<String> FIXED_KEYS = List.of("unit", "name", "birthYear", "gender", "idNumber", "group",
            "year");

    static final String MALE = "Nam";
    static final String FEMALE = "Nữ";
    static final String OTHER = "Khác";

    private Columns() {
    }

    static List<String> indicatorCodes(CriteriaDefinition criteria) {
        return criteria == null ? List.of() : criteria.indicators().stream().map(IndicatorDefinition::code).toList();
    }

    /** Every header, in order, for a year whose set has these indicator codes. */
    static List<String> headers(List<String> codes) {
        List<String> headers = new ArrayList<>(FIXED);
        codes.forEach(code -> headers.add(SELF_PREFIX + code));
        codes.forEach(code -> headers.add(VERIFIED_PREFIX + code));
        return headers;
    }

    /**
     * A text cell that a spreadsheet would run as a formula (=, +, -, @ first) gets an apostrophe in front, as
     * OWASP advises against CSV/Excel injection; the import takes it off again.
     */
    static String escape(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }

    static String unescape(String text) {
        if (text != null && text.length() > 1 && text.charAt(0) == '\'') {
            char second = text.charAt(1);
            if (second == '=' || second == '+' || second == '-' || second == '@' || second == '\t'
                    || second == '\r') {
                return text.substring(1);
            }
        }
        return text;
    }
}
