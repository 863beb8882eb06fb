package vn.khuyenhoc.cdht.shared;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How pages name whoever made a change: a staff member by their username, the application itself ("system", see
 * {@link SystemActor}) and a citizen entering online ({@value #CITIZEN_PREFIX}id) by words of the bundle, never by
 * the stored actor text. Templates call it as {@code ${@actorNames.of(actor)}}.
 */
@Component("actorNames")
public class ActorNames {

    /** How a citizen's own changes are recorded: this prefix and the citizen's id. */
    public static final String CITIZEN_PREFIX = "citizen:";

    private final MessageSource messages;

    ActorNames(MessageSource messages) {
        this.messages = messages;
    }

    public static boolean isCitizen(String actor) {
        return actor != null && actor.startsWith(CITIZEN_PREFIX);
    }

    /** The actor as a person reads it, in the request's language. */
    public String of(String actor) {
        if (actor == null || actor.isBlank()) {
            return "";
        }
        if (SystemActor.INSTANCE.username().equals(actor)) {
            return messages.getMessage("actor.system", null, LocaleContextHolder.getLocale());
        }
        if (isCitizen(actor)) {
            return messages.getMessage("actor.citizen", null, LocaleContextHolder.getLocale());
        }
        return actor;
    }
}
