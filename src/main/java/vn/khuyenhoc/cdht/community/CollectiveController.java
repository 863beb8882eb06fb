package vn.khuyenhoc.cdht.community;

import jakarta.validation.Valid;
import java.time.Year;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khuyenhoc.cdht.area.UnitScope;
import vn.khuyenhoc.cdht.area.UnitSummary;
import vn.khuyenhoc.cdht.area.Units;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.FormErrors;
import vn.khuyenhoc.cdht.shared.NotFoundException;

/** Pages for households, clans, hamlet communities and learning units: /community/{kind}/... */
@Controller
@RequestMapping("/community")
class CollectiveController {

    private static final int PAGE_SIZE = 25;

    private final Collectives collectives;
    private final UnitScope scope;
    private final Units units;
    private final ObjectProvider<MemberTitleRates> memberRates;

    CollectiveController(Collectives collectives, UnitScope scope, Units units,
            ObjectProvider<MemberTitleRates> memberRates) {
        this.collectives = collectives;
        this.scope = scope;
        this.units = units;
        this.memberRates = memberRates;
    }

    @InitBinder({"collectiveForm", "statusForm"})
    void guardIds(WebDataBinder binder) {
        binder.setDisallowedFields("id", "kind", "collectiveId");
    }

    @GetMapping
    String index(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("kinds", CollectiveKind.values());
        return "community/index";
    }

    @GetMapping("/{kind}")
    String list(@AuthenticationPrincipal CurrentUser user, @PathVariable("kind") String slug,
            @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String unit,
            @RequestParam(required = false) Integer year,
            @RequestParam(defaultValue = "ALL") StatusFilter status,
            @RequestParam(defaultValue = "0") int page, Model model) {
        CollectiveKind kind = kind(slug);
        int shownYear = year == null ? Year.now().getValue() : year;
        Optional<UnitSummary> within = scope.visibleUnit(user, unit);
        boolean unitUnknown = !unit.isBlank() && within.isEmpty();
        Page<CollectiveRow> results = unitUnknown ? Page.empty(PageRequest.of(0, PAGE_SIZE))
                : collectives.search(user, kind, q, within.map(UnitSummary::id).orElse(null), shownYear, status,
                        PageRequest.of(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("kind", kind);
        model.addAttribute("q", q);
        model.addAttribute("unit", unit);
        model.addAttribute("unitUnknown", unitUnknown);
        model.addAttribute("year", shownYear);
        model.addAttribute("status", status);
        model.addAttribute("statusFilters", StatusFilter.values());
        model.addAttribute("results", results);
        model.addAttribute("canWrite", scope.mayWrite(user));
        model.addAttribute("unitOptions", scope.unitOptions(user, kind.unitLevels()));
        return "community/list";
    }

    @GetMapping("/{kind}/new")
    String createForm(@AuthenticationPrincipal CurrentUser user, @PathVariable("kind") String slug, Model model) {
        CollectiveKind kind = kind(slug);
        scope.requireWriter(user);
        CollectiveForm form = new CollectiveForm();
        // Most staff enter data for their own hamlet or commune: start from it when it fits.
        UnitSummary own = units.get(user.unitId());
        if (kind.unitLevels().contains(own.levelCode())) {
            form.setUnitCode(own.code());
        }
        model.addAttribute("collectiveForm", form);
        return formView(user, kind, null, model);
    }

    @PostMapping("/{kind}/new")
    String create(@AuthenticationPrincipal CurrentUser user, @PathVariable("kind") String slug,
            @Valid @ModelAttribute("collectiveForm") CollectiveForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        CollectiveKind kind = kind(slug);
        scope.requireWriter(user);
        if (result.hasErrors()) {
            return formView(user, kind, null, model);
        }
        try {
            long id = collectives.create(user, form.toDraft(kind));
            redirect.addFlashAttribute("success", "community.created");
            return "redirect:/community/" + kind.slug() + "/" + id;
        } catch (BusinessRuleException e) {
            FormErrors.reject(result, e);
            return formView(user, kind, null, model);
        }
    }

    @GetMapping("/{kind}/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable("kind") String slug, @PathVariable long id,
            @RequestParam(required = false) Integer year, Model model) {
        CollectiveKind kind = kind(slug);
        CollectiveSummary collective = collectives.get(user, kind, id);
        int rateYear = year == null ? Year.now().getValue() : year;
        // a learning unit's rate is also taken against the member count it declared for the year
        Integer declared = kind == CollectiveKind.LEARNING_UNIT
                ? collectives.status(id, rateYear).map(YearStatus::memberCount).orElse(null) : null;
        model.addAttribute("rateYear", rateYear);
        model.addAttribute("memberRate", memberRates.getIfAvailable(MemberTitleRates::none)
                .forCollective(collective, rateYear).map(r -> r.withDeclaredMembers(declared)).orElse(null));
        model.addAttribute("kind", kind);
        model.addAttribute("collective", collective);
        model.addAttribute("statuses", collectives.statuses(user, id));
        model.addAttribute("canEdit", collectives.canEdit(user, collective));
        model.addAttribute("currentYear", Year.now().getValue());
        return "community/show";
    }

    @GetMapping("/{kind}/{id}/edit")
    String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable("kind") String slug,
            @PathVariable long id, Model model) {
        CollectiveKind kind = kind(slug);
        CollectiveSummary collective = writable(user, kind, id);
        model.addAttribute("collectiveForm", CollectiveForm.of(collective));
        return formView(user, kind, collective, model);
    }

    @PostMapping("/{kind}/{id}/edit")
    String update(@AuthenticationPrincipal CurrentUser user, @PathVariable("kind") String slug,
            @PathVariable long id, @Valid @ModelAttribute("collectiveForm") CollectiveForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        CollectiveKind kind = kind(slug);
        CollectiveSummary collective = writable(user, kind, id);
        if (result.hasErrors()) {
            return formView(user, kind, collective, model);
        }
        try {
            collectives.update(user, id, form.toDraft(kind), form.getVersion());
            redirect.addFlashAttribute("success", "community.updated");
            return "redirect:/community/" + kind.slug() + "/" + id;
        } catch (BusinessRuleException | OptimisticLockingFailureException e) {
            if (e instanceof BusinessRuleException rule && !"error.concurrentEdit".equals(rule.messageKey())) {
                FormErrors.reject(result, rule);
                return formView(user, kind, collective, model);
            }
            // Someone saved first: show their values, keep what this user typed, and let the next save win.
            CollectiveSummary latest = collectives.get(user, kind, id);
            result.reject("error.concurrentEdit");
            form.setVersion(latest.version());
            model.addAttribute("latest", latest);
            return formView(user, kind, latest, model);
        }
    }

    @GetMapping("/{kind}/{id}/status")
    String statusForm(@AuthenticationPrincipal CurrentUser user, @PathVariable("kind") String slug,
            @PathVariable long id, @RequestParam(required = false) Integer year, Model model) {
        CollectiveKind kind = kind(slug);
        CollectiveSummary collective = writable(user, kind, id);
        int shownYear = year == null ? Year.now().getValue() : year;
        StatusForm form = collectives.status(id, shownYear).map(StatusForm::of).orElseGet(() -> {
            StatusForm fresh = new StatusForm();
            fresh.setYear(shownYear);
            return fresh;
        });
        model.addAttribute("statusForm", form);
        return statusView(kind, collective, model);
    }

    @PostMapping("/{kind}/{id}/status")
    String recordStatus(@AuthenticationPrincipal CurrentUser user, @PathVariable("kind") String slug,
            @PathVariable long id, @Valid @ModelAttribute("statusForm") StatusForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        CollectiveKind kind = kind(slug);
        CollectiveSummary collective = writable(user, kind, id);
        if (result.hasErrors()) {
            return statusView(kind, collective, model);
        }
        try {
            collectives.recordStatus(user, id, form.toDraft(), form.getVersion());
            redirect.addFlashAttribute("success", "community.status.recorded");
            return "redirect:/community/" + kind.slug() + "/" + id;
        } catch (BusinessRuleException | OptimisticLockingFailureException e) {
            if (e instanceof BusinessRuleException rule && !"error.concurrentEdit".equals(rule.messageKey())) {
                FormErrors.reject(result, rule);
                return statusView(kind, collective, model);
            }
            Optional<YearStatus> latest = collectives.status(id, form.getYear());
            result.reject("error.concurrentEdit");
            form.setVersion(latest.map(YearStatus::version).orElse(null));
            model.addAttribute("latest", latest.orElse(null));
            return statusView(kind, collective, model);
        }
    }

    /** The collective, if the user may change it: 404 / 403 otherwise, read-only roles included. */
    private CollectiveSummary writable(CurrentUser user, CollectiveKind kind, long id) {
        CollectiveSummary collective = collectives.get(user, kind, id);
        scope.requireWritable(user, collective.unitId());
        return collective;
    }

    private String formView(CurrentUser user, CollectiveKind kind, CollectiveSummary collective, Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("collective", collective);
        model.addAttribute("unitOptions", scope.unitOptions(user, kind.unitLevels()));
        model.addAttribute("unitTypes", LearningUnitType.values());
        return "community/form";
    }

    private String statusView(CollectiveKind kind, CollectiveSummary collective, Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("collective", collective);
        model.addAttribute("firstYear", Collectives.FIRST_YEAR);
        model.addAttribute("lastYear", Collectives.latestYear());
        return "community/status";
    }

    private static CollectiveKind kind(String slug) {
        return CollectiveKind.fromSlug(slug).orElseThrow(() -> new NotFoundException("collective kind " + slug
                + " (one of " + Arrays.stream(CollectiveKind.values()).map(CollectiveKind::slug).toList() + ")"));
    }
}
