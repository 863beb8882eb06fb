package vn.khuyenhoc.cdht.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds Vietnamese text for accent-insensitive search: "Quảng Trị" and "quang tri" fold to the same key.
 * Stored beside the original in a search column so every database matches with a plain LIKE.
 */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private SearchText() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        // đ/Đ is a letter of its own, not d plus a mark, so NFD leaves it alone.
        String replaced = text.replace('đ', 'd').replace('Đ', 'D');
        String decomposed = Normalizer.normalize(replaced, Normalizer.Form.NFD);
        String stripped = MARKS.matcher(decomposed).replaceAll("");
        return SPACES.matcher(stripped.toLowerCase(Locale.ROOT).trim()).replaceAll(" ");
    }

    /** A LIKE pattern that finds the folded query anywhere, with the wildcards of the query escaped. */
    public static String containsPattern(String query) {
        String folded = fold(query).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + folded + "%";
    }
}
