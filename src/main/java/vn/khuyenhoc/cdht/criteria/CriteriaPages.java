package vn.khuyenhoc.cdht.criteria;

import java.util.function.Supplier;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.FormErrors;

/**
 * What the criteria admin pages (sets, competencies, indicators) do alike: admins only, back to the set with the
 * reason of a refusal, a form's write and a button's write.
 */
final class CriteriaPages {

    private CriteriaPages() {
    }

    /** Each criteria controller calls this from a {@code @ModelAttribute} method: before any handler runs. */
    static void requireAdmin(CurrentUser user) {
        CriteriaAdministration.requireAdmin(user);
    }

    /**
     * A form's write: the form again when it does not bind or the service refuses (with the reason on the form),
     * else back to the set saying it was updated.
     */
    static String save(long id, BindingResult result, RedirectAttributes redirect, Runnable write,
            Supplier<String> form) {
        if (result.hasErrors()) {
            return form.get();
        }
        try {
            write.run();
            redirect.addFlashAttribute("success", "criteria.updated");
            return "redirect:/criteria/" + id;
        } catch (BusinessRuleException e) {
            FormErrors.reject(result, e);
            return form.get();
        }
    }

    /** A button's write (delete, move): back to the set, saying it was updated if {@code announce}, or why not. */
    static String act(long id, RedirectAttributes redirect, boolean announce, Runnable write) {
        try {
            write.run();
            if (announce) {
                redirect.addFlashAttribute("success", "criteria.updated");
            }
        } catch (BusinessRuleException e) {
            return refuse(redirect, id, e);
        }
        return "redirect:/criteria/" + id;
    }

    static String refuse(RedirectAttributes redirect, long id, String messageKey) {
        redirect.addFlashAttribute("criteriaFailure", messageKey);
        redirect.addFlashAttribute("criteriaFailureArgs", new Object[0]);
        return "redirect:/criteria/" + id;
    }

    /** Back to the set with the reason, its arguments included (the layout's own flash takes none). */
    static String refuse(RedirectAttributes redirect, long id, BusinessRuleException e) {
        redirect.addFlashAttribute("criteriaFailure", e.messageKey());
        redirect.addFlashAttribute("criteriaFailureArgs", e.arguments());
        return "redirect:/criteria/" + id;
    }

    static int step(String direction) {
        return "up".equalsIgnoreCase(direction) ? -1 : 1;
    }
}
