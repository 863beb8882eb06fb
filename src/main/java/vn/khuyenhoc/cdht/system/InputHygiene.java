package vn.khuyenhoc.cdht.system;

import java.beans.PropertyDescriptor;
import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.propertyeditors.CustomNumberEditor;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * The one gate every typed value passes on its way into the application: every form object and request parameter
 * is bound through these editors. Text with control characters (other than tab and line breaks) or bidirectional
 * overrides, or longer than {@link #MAX_TEXT} characters, is refused with a field error
 * ({@code typeMismatch.java.lang.String}); other text is normalised to Unicode NFC, so that "Nguyễn" typed in
 * decomposed form is stored as everyone else's. Numbers accept only ASCII digits (no Arabic-Indic digits, no
 * {@code 0x5}). Lists grow at most to {@link #MAX_LIST_INDEX} rows; a larger forged index is a 400.
 */
@ControllerAdvice
class InputHygiene {

    static final int MAX_TEXT = 5000;
    static final int MAX_LIST_INDEX = 500;

    /** C0 controls except tab, LF, CR; DEL; C1 controls; bidi embeddings, overrides, isolates and marks. */
    private static final Pattern FORBIDDEN = Pattern.compile(
            "[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]");
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,19}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]{1,19}([.][0-9]{1,10})?");

    @InitBinder
    void guard(WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(MAX_LIST_INDEX);
        binder.registerCustomEditor(String.class, new Text(true));
        binder.registerCustomEditor(Integer.class, number(Integer.class, true, INTEGER));
        binder.registerCustomEditor(int.class, number(Integer.class, false, INTEGER));
        binder.registerCustomEditor(Long.class, number(Long.class, true, INTEGER));
        binder.registerCustomEditor(long.class, number(Long.class, false, INTEGER));
        binder.registerCustomEditor(Short.class, number(Short.class, true, INTEGER));
        binder.registerCustomEditor(short.class, number(Short.class, false, INTEGER));
        binder.registerCustomEditor(BigDecimal.class, number(BigDecimal.class, true, DECIMAL));
        Object target = binder.getTarget();
        if (target != null) {
            // secrets are checked but kept exactly as typed: normalising them would change what was chosen
            for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(target.getClass())) {
                String name = property.getName().toLowerCase(Locale.ROOT);
                if (property.getPropertyType() == String.class && (name.contains("password") || name.contains("pin")
                        || name.contains("confirmation"))) {
                    binder.registerCustomEditor(String.class, property.getName(), new Text(false));
                }
            }
        }
    }

    /** True when the text may be stored as it is: no control or bidi-override character, not absurdly long. */
    static boolean acceptable(String text) {
        return text.length() <= MAX_TEXT && !FORBIDDEN.matcher(text).find();
    }

    private static final class Text extends PropertyEditorSupport {

        private final boolean normalise;

        Text(boolean normalise) {
            this.normalise = normalise;
        }

        @Override
        public void setAsText(String text) {
            if (text != null && !acceptable(text)) {
                throw new IllegalArgumentException("refused characters or length");
            }
            setValue(text == null || !normalise ? text : Normalizer.normalize(text, Normalizer.Form.NFC));
        }

        @Override
        public String getAsText() {
            Object value = getValue();
            return value == null ? "" : value.toString();
        }
    }

    private static CustomNumberEditor number(Class<? extends Number> type, boolean allowEmpty, Pattern shape) {
        return new CustomNumberEditor(type, allowEmpty) {
            @Override
            public void setAsText(String text) {
                String value = text == null ? null : text.strip();
                if (value != null && !value.isEmpty() && !shape.matcher(value).matches()) {
                    throw new IllegalArgumentException("not a plain decimal number");
                }
                super.setAsText(value);
            }
        };
    }
}
