package vn.khuyenhoc.cdht.citizen;

import jakarta.validation.Valid;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
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
import vn.khuyenhoc.cdht.area.UnitSummary;
import vn.khuyenhoc.cdht.area.Units;
import vn.khuyenhoc.cdht.community.CollectiveKind;
import vn.khuyenhoc.cdht.community.CollectiveSummary;
import vn.khuyenhoc.cdht.community.Collectives;
import vn.khuyenhoc.cdht.area.UnitScope;
import vn.khuyenhoc.cdht.community.UnitLevels;
import vn.khuyenhoc.cdht.shared.CappedPage;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.FormErrors;

/**
 * Citizen pages. A typed CCCD never comes back in a response: re-rendered forms carry it as a sealed token and
 * show its mask, and the exact CCCD search is a POST so that the number stays out of URLs and logs.
 */
@Controller
@RequestMapping("/citizens")
class CitizenController {

    private static final int PAGE_SIZE = 25;

    private final Citizens citizens;
    private final Collectives collectives;
    private final UnitScope scope;
    private final Units units;
    private final ObjectProvider<CitizenAssessmentHistory> assessmentHistory;

    CitizenController(Citizens citizens, Collectives collectives, UnitScope scope, Units units,
            ObjectProvider<CitizenAssessmentHistory> assessmentHistory) {
        this.citizens = citizens;
        this.collectives = collectives;
        this.scope = scope;
        this.units = units;
        this.assessmentHistory = assessmentHistory;
    }

    @InitBinder("citizenForm")
    void guardIds(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @ModelAttribute("groupNames")
    Map<String, String> groupNames() {
        return citizens.targetGroupNames();
    }

    @GetMapping
    String search(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String unit, @RequestParam(defaultValue = "") String group,
            @RequestParam(required = false) Long collective, @RequestParam(defaultValue = "0") int page,
            Model model) {
        CollectiveSummary members = collective == null ? null : collectives.get(user, collective);
        Optional<UnitSummary> within = scope.visibleUnit(user, unit);
        boolean unitUnknown = !unit.isBlank() && within.isEmpty();
        Page<CitizenSummary> results = unitUnknown ? CappedPage.of(List.of(), PageRequest.of(0, PAGE_SIZE), 0)
                : citizens.search(user, new CitizenQuery(q, within.map(UnitSummary::id).orElse(null), group,
                        collective), PageRequest.of(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("q", q);
        model.addAttribute("unit", unit);
        model.addAttribute("unitUnknown", unitUnknown);
        model.addAttribute("group", group);
        model.addAttribute("collective", members);
        model.addAttribute("results", results);
        return searchView(user, model, false);
    }

    /** Exact CCCD search: POST, and the number is not echoed into the page. */
    @PostMapping("/search-id")
    String searchById(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String idNumber,
            Model model) {
        List<CitizenSummary> found = List.of();
        try {
            found = citizens.findByIdNumber(user, idNumber).map(List::of).orElse(List.of());
        } catch (BusinessRuleException e) {
            model.addAttribute("idError", e.messageKey());
        }
        model.addAttribute("q", "");
        model.addAttribute("unit", "");
        model.addAttribute("group", "");
        model.addAttribute("results", new PageImpl<>(found, PageRequest.of(0, PAGE_SIZE), found.size()));
        return searchView(user, model, true);
    }

    @GetMapping("/new")
    String createForm(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long household,
            Model model) {
        scope.requireWriter(user);
        CitizenForm form = new CitizenForm();
        UnitSummary own = units.get(user.unitId());
        if (UnitLevels.RESIDENCE.contains(own.levelCode())) {
            form.setResidenceCode(own.code());
        }
        if (household != null) {
            // Started from a household's page: the person most likely lives where the household does.
            CollectiveSummary home = collectives.get(user, CollectiveKind.HOUSEHOLD, household);
            form.setHouseholdId(home.id());
            form.setResidenceCode(home.unitCode());
        }
        model.addAttribute("citizenForm", form);
        return formView(user, form, null, null, model);
    }

    @PostMapping("/new")
    String create(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("citizenForm") CitizenForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        scope.requireWriter(user);
        // Out of the form at once: nothing below can echo the number or keep it as a rejected value.
        String typedIdNumber = form.getIdNumber();
        form.setIdNumber(null);
        if (result.hasErrors()) {
            return formView(user, form, null, typedIdNumber, model);
        }
        try {
            CitizenCreation outcome = citizens.create(user, form.toDraft(typedIdNumber), form.isConfirmDuplicate());
            if (outcome.created()) {
                redirect.addFlashAttribute("success", "citizen.created");
                return "redirect:/citizens/" + outcome.citizenId();
            }
            model.addAttribute("duplicates", outcome.possibleDuplicates());
            return formView(user, form, null, typedIdNumber, model);
        } catch (BusinessRuleException e) {
            return rejected(user, form, null, typedIdNumber, e, result, model);
        }
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        CitizenSummary citizen = citizens.get(user, id);
        model.addAttribute("citizen", citizen);
        model.addAttribute("canEdit", citizens.canEdit(user, citizen));
        model.addAttribute("household", name(citizen.householdId()));
        model.addAttribute("clan", name(citizen.clanId()));
        model.addAttribute("workplace", name(citizen.workplaceId()));
        model.addAttribute("assessments",
                assessmentHistory.getIfAvailable(CitizenAssessmentHistory::none).forCitizen(id));
        model.addAttribute("thisYear", Year.now().getValue());
        return "citizen/show";
    }

    @GetMapping("/{id}/edit")
    String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        CitizenSummary citizen = citizens.requireEditable(user, id);
        CitizenForm form = CitizenForm.of(citizen);
        model.addAttribute("citizenForm", form);
        return formView(user, form, citizen, null, model);
    }

    @PostMapping("/{id}/edit")
    String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @ModelAttribute("citizenForm") CitizenForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        CitizenSummary citizen = citizens.requireEditable(user, id);
        String typedIdNumber = form.getIdNumber();
        form.setIdNumber(null);
        if (result.hasErrors()) {
            return formView(user, form, citizen, typedIdNumber, model);
        }
        try {
            citizens.update(user, id, form.toDraft(typedIdNumber), form.isRemoveIdNumber(), form.getVersion());
            redirect.addFlashAttribute("success", "citizen.updated");
            return "redirect:/citizens/" + id;
        } catch (OptimisticLockingFailureException e) {
            return conflict(user, id, form, typedIdNumber, result, model);
        } catch (BusinessRuleException e) {
            if ("error.concurrentEdit".equals(e.messageKey())) {
                return conflict(user, id, form, typedIdNumber, result, model);
            }
            return rejected(user, form, citizen, typedIdNumber, e, result, model);
        }
    }

    /** Someone saved first: show their values, keep what this user typed, and let the next save go through. */
    private String conflict(CurrentUser user, long id, CitizenForm form, String typedIdNumber, BindingResult result,
            Model model) {
        CitizenSummary latest = citizens.get(user, id);
        result.reject("error.concurrentEdit");
        form.setVersion(latest.version());
        model.addAttribute("latest", latest);
        return formView(user, form, latest, typedIdNumber, model);
    }

    private String rejected(CurrentUser user, CitizenForm form, CitizenSummary citizen, String typedIdNumber,
            BusinessRuleException e, BindingResult result, Model model) {
        // The form field holds no CCCD at this point, so the error keeps no rejected number either.
        FormErrors.reject(result, e);
        boolean idNumberAtFault = CitizenIdNumbers.FIELD.equals(e.field());
        if (idNumberAtFault) {
            form.setIdNumberToken(null);
        }
        return formView(user, form, citizen, idNumberAtFault ? null : typedIdNumber, model);
    }

    private String formView(CurrentUser user, CitizenForm form, CitizenSummary citizen, String typedIdNumber,
            Model model) {
        // Never send a typed CCCD back: the form keeps it as a sealed token and the page shows only its mask.
        form.setIdNumber(null);
        Optional<Citizens.SealedIdNumber> sealed = citizens.sealIdNumber(typedIdNumber, form.getIdNumberToken());
        form.setIdNumberToken(sealed.map(Citizens.SealedIdNumber::token).orElse(null));
        model.addAttribute("pendingIdNumber", sealed.map(Citizens.SealedIdNumber::masked).orElse(null));
        model.addAttribute("citizen", citizen);
        model.addAttribute("genders", Gender.values());
        model.addAttribute("targetGroups", citizens.targetGroups());
        model.addAttribute("unitOptions", scope.unitOptions(user, UnitLevels.RESIDENCE));
        model.addAttribute("households", options(user, CollectiveKind.HOUSEHOLD, form.getHouseholdId()));
        model.addAttribute("clans", options(user, CollectiveKind.CLAN, form.getClanId()));
        model.addAttribute("workplaces", options(user, CollectiveKind.LEARNING_UNIT, form.getWorkplaceId()));
        return "citizen/form";
    }

    /** What the user may choose, plus the current choice even if it lies outside their reach. */
    private List<CollectiveSummary> options(CurrentUser user, CollectiveKind kind, Long current) {
        List<CollectiveSummary> options = new ArrayList<>(collectives.options(user, kind));
        if (current != null && options.stream().noneMatch(o -> o.id() == current)) {
            collectives.find(current).filter(c -> c.kind() == kind).ifPresent(c -> options.add(0, c));
        }
        return options;
    }

    private String searchView(CurrentUser user, Model model, boolean idSearch) {
        // the year's status beside each result: one look-up for the page's citizens
        int thisYear = Year.now().getValue();
        Page<?> results = (Page<?>) model.getAttribute("results");
        List<Long> ids = results == null ? List.of() : results.getContent().stream()
                .map(c -> ((CitizenSummary) c).id()).toList();
        model.addAttribute("thisYear", thisYear);
        model.addAttribute("yearStatus",
                assessmentHistory.getIfAvailable(CitizenAssessmentHistory::none).statusKeys(ids, thisYear));
        model.addAttribute("idSearch", idSearch);
        model.addAttribute("targetGroups", citizens.targetGroups());
        model.addAttribute("unitOptions", scope.unitOptions(user, UnitLevels.RESIDENCE));
        model.addAttribute("canWrite", scope.mayWrite(user));
        return "citizen/search";
    }

    private String name(Long collectiveId) {
        return collectiveId == null ? null : collectives.find(collectiveId).map(CollectiveSummary::label)
                .orElse(null);
    }
}
