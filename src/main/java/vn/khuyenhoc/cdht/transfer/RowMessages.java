package vn.khuyenhoc.cdht.transfer;

import java.util.Locale;
import org.springframework.context.MessageSource;

/** The words of an import's row errors, in the language of the user who started it. */
final class RowMessages {

    private final MessageSource messages;
    private final Locale locale;

    RowMessages(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    /** A message of any module's bundle (years there are formatted {0,number,#}, so they read 2020). */
    String text(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    void error(ImportLine line, String column, String key, Object... args) {
        line.errors.add(new RowError(line.row, column, text(key, args)));
    }
}
