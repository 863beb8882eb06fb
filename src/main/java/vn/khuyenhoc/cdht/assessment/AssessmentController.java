package vn.khuyenhoc.cdht.assessment;

import java.time.Year;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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
import org.springframework.web.util.UriComponentsBuilder;
import vn.khuyenhoc.cdht.area.UnitSummary;
import vn.khuyenhoc.cdht.area.UnitScope;
import vn.khuyenhoc.cdht.community.ProvinceManagers;
import vn.khuyenhoc.cdht.community.UnitLevels;
import vn.khuyenhoc.cdht.criteria.CriteriaCatalog;
import vn.khuyenhoc.cdht.criteria.InvalidScoresException;
import vn.khuyenhoc.cdht.criteria.ScoreProblem;
import vn.khuyenhoc.cdht.criteria.TargetGroupOption;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.FormErrors;
import vn.khuyenhoc.cdht.shared.OutOfScopeException;

/**
 * Assessment pages: lists with bulk actions, start from a citizen, entry form with a live result, submit,
 * verification, return with a reason, history. Every handler goes through the services, which check scope, role,
 * version and state.
 */
@Controller
@RequestMapping("/assessments")
class AssessmentController {

    private static final int PAGE_SIZE = 25;
    private static final String FAILURE = "assessmentFailure";
    private static final String FAILURE_ARGS = "assessmentFailureArgs";
    private static final Set<String> NOTE_PROBLEMS = Set.of(Assessments.NOTE_REQUIRED, Assessments.NOTE_TOO_LONG);

    private final Assessments assessments;
    private final AssessmentLists lists;
    private final AssessmentBulk bulk;
    private final UnitScope scope;
    private final CriteriaCatalog catalog;
    private final AssessmentAccess access;
    private final ProvinceManagers managers;

    AssessmentController(Assessments assessments, AssessmentLists lists, AssessmentBulk bulk, UnitScope scope,
            CriteriaCatalog catalog, AssessmentAccess access, ProvinceManagers managers) {
        this.access = access;
        this.managers = managers;
        this.assessments = assessments;
        this.lists = lists;
        this.bulk = bulk;
        this.scope = scope;
        this.catalog = catalog;
    }

    @InitBinder({"scoresForm", "returnForm"})
    void guardIds(WebDataBinder binder) {
        binder.setDisallowedFields("id", "state");
        // a forged row index is capped for every form by system.InputHygiene (a 400 beyond it)
    }

    // ---- lists and bulk actions ----

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) AssessmentState state, @RequestParam(defaultValue = "") String group,
            @RequestParam(defaultValue = "ALL") AssessmentFilter.ResultFilter result,
            @RequestParam(defaultValue = "") String unit, @RequestParam(defaultValue = "0") int page, Model model) {
        int shownYear = year == null ? Year.now().getValue() : year;
        Optional<UnitSummary> within = scope.visibleUnit(user, unit);
        boolean unitUnknown = !unit.isBlank() && within.isEmpty();
        AssessmentFilter filter = new AssessmentFilter(shownYear, state, group, result,
                within.map(UnitSummary::id).orElse(null));
        Page<AssessmentRow> rows = unitUnknown ? Page.empty(PageRequest.of(0, PAGE_SIZE))
                : lists.search(user, filter, PageRequest.of(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("filter", filter);
        model.addAttribute("unit", unit);
        model.addAttribute("unitUnknown", unitUnknown);
        model.addAttribute("rows", rows);
        // the rows offered for bulk verification: not those the user typed (separation of duties)
        model.addAttribute("verifiable", access.verifiable(user, rows.getContent()));
        model.addAttribute("query", query(filter, unit));
        model.addAttribute("states", AssessmentState.values());
        model.addAttribute("results", AssessmentFilter.ResultFilter.values());
        model.addAttribute("canWrite", scope.mayWrite(user));
        model.addAttribute("mayManageSettings", managers.mayManage(user));
        return filterView(user, "assessment/list", model);
    }

    @GetMapping("/not-started")
    String notStarted(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
            @RequestParam(defaultValue = "") String group, @RequestParam(defaultValue = "") String unit,
            @RequestParam(defaultValue = "0") int page, Model model) {
        int shownYear = year == null ? Year.now().getValue() : year;
        Optional<UnitSummary> within = scope.visibleUnit(user, unit);
        boolean unitUnknown = !unit.isBlank() && within.isEmpty();
        model.addAttribute("year", shownYear);
        model.addAttribute("group", group);
        model.addAttribute("unit", unit);
        model.addAttribute("unitUnknown", unitUnknown);
        model.addAttribute("rows", unitUnknown ? Page.empty(PageRequest.of(0, PAGE_SIZE))
                : lists.notStarted(user, shownYear, within.map(UnitSummary::id).orElse(null), group,
                        PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        model.addAttribute("query", UriComponentsBuilder.fromPath("/assessments/not-started")
                .queryParam("year", shownYear).queryParam("group", group).queryParam("unit", unit).build()
                .encode().toUriString());
        return filterView(user, "assessment/not-started", model);
    }

    @PostMapping("/bulk/submit")
    String bulkSubmit(@AuthenticationPrincipal CurrentUser user, @RequestParam int year,
            @RequestParam(required = false) AssessmentState state, @RequestParam(defaultValue = "") String group,
            @RequestParam(defaultValue = "ALL") AssessmentFilter.ResultFilter result,
            @RequestParam(defaultValue = "") String unit, RedirectAttributes redirect) {
        Optional<UnitSummary> within = scope.visibleUnit(user, unit);
        if (!unit.isBlank() && within.isEmpty()) {
            throw new OutOfScopeException("unit " + unit + " is not visible");
        }
        AssessmentFilter filter = new AssessmentFilter(year, state, group, result,
                within.map(UnitSummary::id).orElse(null));
        redirect.addFlashAttribute("report", bulk.submitAllComplete(user, filter));
        redirect.addFlashAttribute("back", query(filter, unit));
        return "redirect:/assessments/bulk/result";
    }

    @PostMapping("/bulk/verify")
    String bulkVerify(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(name = "ids", required = false) List<Long> ids,
            @RequestParam(defaultValue = "/assessments") String back, RedirectAttributes redirect) {
        redirect.addFlashAttribute("report", bulk.verifySelected(user, ids));
        // only a path of this page may come back here
        redirect.addFlashAttribute("back", back.startsWith("/assessments") ? back : "/assessments");
        return "redirect:/assessments/bulk/result";
    }

    @GetMapping("/bulk/result")
    String bulkResult(Model model) {
        if (!model.containsAttribute("report")) {
            return "redirect:/assessments";
        }
        return "assessment/bulk-result";
    }

    // ---- start ----

    @GetMapping("/new")
    String startPage(@AuthenticationPrincipal CurrentUser user, @RequestParam long citizen,
            @RequestParam(required = false) Integer year, Model model) {
        model.addAttribute("check", assessments.checkStart(user, citizen,
                year == null ? Year.now().getValue() : year));
        return "assessment/start";
    }

    @PostMapping("/new")
    String start(@AuthenticationPrincipal CurrentUser user, @RequestParam long citizen, @RequestParam int year,
            RedirectAttributes redirect) {
        try {
            long id = assessments.start(user, citizen, year);
            redirect.addFlashAttribute("success", "assessment.started");
            return "redirect:/assessments/" + id + "/edit";
        } catch (BusinessRuleException e) {
            failure(redirect, e);
            return "redirect:/assessments/new?citizen=" + citizen + "&year=" + year;
        }
    }

    // ---- one assessment ----

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        AssessmentDetail detail = assessments.get(user, id);
        model.addAttribute("detail", detail);
        // the citizen withdrew their portal consent: staff see when (the page was scope-checked above)
        model.addAttribute("consentWithdrawnAt", access.consentWithdrawnAt(detail.citizenId())
                .map(at -> java.time.LocalDateTime.ofInstant(at, java.time.ZoneId.of("Asia/Ho_Chi_Minh")))
                .orElse(null));
        return "assessment/show";
    }

    @GetMapping("/{id}/history")
    String history(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Locale locale, Model model) {
        model.addAttribute("entries", assessments.history(user, id, locale));
        model.addAttribute("detail", assessments.get(user, id));
        return "assessment/history";
    }

    @GetMapping("/{id}/edit")
    String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model,
            RedirectAttributes redirect) {
        AssessmentDetail detail;
        try {
            detail = assessments.getFor(user, id, WorkflowAction.EDIT);
        } catch (BusinessRuleException e) {
            failure(redirect, e);
            return "redirect:/assessments/" + id;
        }
        ScoresForm form = ScoresForm.ofSelfScores(detail);
        model.addAttribute("scoresForm", form);
        // getFor checked scope, role and state: the preview needs no second read of the assessment
        model.addAttribute("preview", assessments.previewOf(detail, form.scores()));
        return formView(detail, false, model, "assessment/form");
    }

    @PostMapping("/{id}/edit")
    String save(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @ModelAttribute("scoresForm") ScoresForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return entryView(user, assessments.get(user, id), form, false, model);
        }
        try {
            assessments.saveScores(user, id, form.entries(), form.getVersion());
            redirect.addFlashAttribute("success", "assessment.saved");
            return "redirect:/assessments/" + id;
        } catch (AssessmentConflictException e) {
            AssessmentDetail latest = assessments.get(user, id);
            result.reject(e.messageKey());
            form.setVersion(latest.version());
            return entryView(user, latest, form, true, model);
        } catch (BusinessRuleException e) {
            reject(result, form, e);
            return entryView(user, assessments.get(user, id), form, false, model);
        }
    }

    /** The live result of the entry form: a fragment the page's script swaps in as the user types. */
    @PostMapping("/{id}/preview")
    String preview(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @ModelAttribute("scoresForm") ScoresForm form, BindingResult result, Model model) {
        model.addAttribute("preview", assessments.preview(user, id, WorkflowAction.EDIT, form.scores()));
        return "assessment/fragments :: result";
    }

    @PostMapping("/{id}/submit")
    String submit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version,
            Model model, RedirectAttributes redirect) {
        try {
            assessments.submit(user, id, version);
            redirect.addFlashAttribute("success", "assessment.submitted");
        } catch (InvalidScoresException e) {
            // the engine's reasons, on the page itself
            model.addAttribute("detail", assessments.get(user, id));
            model.addAttribute("problems", e.problems());
            return "assessment/show";
        } catch (BusinessRuleException e) {
            failure(redirect, e);
        }
        return "redirect:/assessments/" + id;
    }

    @GetMapping("/{id}/verify")
    String verifyForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model,
            RedirectAttributes redirect) {
        AssessmentDetail detail;
        try {
            detail = assessments.getFor(user, id, WorkflowAction.VERIFY);
        } catch (BusinessRuleException e) {
            failure(redirect, e);
            return "redirect:/assessments/" + id;
        }
        ScoresForm form = ScoresForm.ofVerifiedScores(detail);
        model.addAttribute("scoresForm", form);
        model.addAttribute("preview", assessments.previewOf(detail, form.scores()));
        return formView(detail, false, model, "assessment/verify");
    }

    @PostMapping("/{id}/verify")
    String verify(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @ModelAttribute("scoresForm") ScoresForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return verifyView(user, assessments.get(user, id), form, false, model);
        }
        try {
            assessments.verify(user, id, form.entries(), form.getVersion());
            redirect.addFlashAttribute("success", "assessment.verified");
            return "redirect:/assessments/" + id;
        } catch (AssessmentConflictException e) {
            AssessmentDetail latest = assessments.get(user, id);
            result.reject(e.messageKey());
            form.setVersion(latest.version());
            return verifyView(user, latest, form, true, model);
        } catch (BusinessRuleException e) {
            if (AssessmentAccess.OWN_ENTRY.equals(e.messageKey())
                    || AssessmentAccess.CONSENT_WITHDRAWN.equals(e.messageKey())) {
                // not a matter of the scores typed: the form is not offered again
                failure(redirect, e);
                return "redirect:/assessments/" + id;
            }
            reject(result, form, e);
            return verifyView(user, assessments.get(user, id), form, false, model);
        }
    }

    @PostMapping("/{id}/verify/preview")
    String verifyPreview(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @ModelAttribute("scoresForm") ScoresForm form, BindingResult result, Model model) {
        model.addAttribute("preview", assessments.preview(user, id, WorkflowAction.VERIFY, form.scores()));
        model.addAttribute("verifying", true);
        return "assessment/fragments :: result";
    }

    @GetMapping("/{id}/return")
    String returnForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model,
            RedirectAttributes redirect) {
        AssessmentDetail detail;
        try {
            detail = assessments.getFor(user, id, WorkflowAction.RETURN);
        } catch (BusinessRuleException e) {
            failure(redirect, e);
            return "redirect:/assessments/" + id;
        }
        ReturnForm form = new ReturnForm();
        form.setVersion(detail.version());
        model.addAttribute("returnForm", form);
        model.addAttribute("detail", detail);
        return "assessment/return";
    }

    @PostMapping("/{id}/return")
    String returnForCorrection(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @ModelAttribute("returnForm") ReturnForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        try {
            assessments.returnForCorrection(user, id, form.getReason(), form.getVersion());
            redirect.addFlashAttribute("success", "assessment.returned");
            return "redirect:/assessments/" + id;
        } catch (AssessmentConflictException e) {
            AssessmentDetail latest = assessments.get(user, id);
            result.reject(e.messageKey());
            form.setVersion(latest.version());
            model.addAttribute("detail", latest);
            model.addAttribute("conflict", true);
            return "assessment/return";
        } catch (BusinessRuleException e) {
            FormErrors.reject(result, e);
            model.addAttribute("detail", assessments.get(user, id));
            return "assessment/return";
        }
    }

    // ---- helpers ----

    /** A rejected form again: the preview checks scope and role itself (the detail was only read). */
    private String entryView(CurrentUser user, AssessmentDetail detail, ScoresForm form, boolean conflict,
            Model model) {
        model.addAttribute("preview", assessments.preview(user, detail.id(), WorkflowAction.EDIT, form.scores()));
        return formView(detail, conflict, model, "assessment/form");
    }

    private String verifyView(CurrentUser user, AssessmentDetail detail, ScoresForm form, boolean conflict,
            Model model) {
        model.addAttribute("preview", assessments.preview(user, detail.id(), WorkflowAction.VERIFY,
                form.scores()));
        return formView(detail, conflict, model, "assessment/verify");
    }

    private static String formView(AssessmentDetail detail, boolean conflict, Model model, String view) {
        model.addAttribute("detail", detail);
        model.addAttribute("conflict", conflict);
        // the verifier's result is the one that counts; everywhere else a live result is provisional
        model.addAttribute("verifying", "assessment/verify".equals(view));
        return view;
    }

    private String filterView(CurrentUser user, String view, Model model) {
        model.addAttribute("groups", catalog.targetGroups());
        model.addAttribute("groupNames", catalog.targetGroups().stream()
                .collect(Collectors.toMap(TargetGroupOption::code, TargetGroupOption::name)));
        model.addAttribute("unitOptions", scope.unitOptions(user, UnitLevels.RESIDENCE));
        return view;
    }

    /** Problems of one indicator go on its row (score or note), the others above the form. */
    private static void reject(BindingResult result, ScoresForm form, BusinessRuleException e) {
        if (!(e instanceof InvalidScoresException invalid)) {
            FormErrors.reject(result, e);
            return;
        }
        for (ScoreProblem problem : invalid.problems()) {
            int index = form.indexOf(problem.indicatorCode());
            if (index < 0) {
                result.reject(problem.messageKey(), problem.args(), problem.messageKey());
            } else {
                String field = "items[" + index + "]." + (NOTE_PROBLEMS.contains(problem.messageKey()) ? "note"
                        : "score");
                result.rejectValue(field, problem.messageKey(), problem.args(), problem.messageKey());
            }
        }
    }

    private static void failure(RedirectAttributes redirect, BusinessRuleException e) {
        redirect.addFlashAttribute(FAILURE, e.messageKey());
        redirect.addFlashAttribute(FAILURE_ARGS, e.arguments());
    }

    private static String query(AssessmentFilter filter, String unit) {
        return UriComponentsBuilder.fromPath("/assessments").queryParam("year", filter.year())
                .queryParam("state", filter.state() == null ? "" : filter.state().name())
                .queryParam("group", filter.targetGroup() == null ? "" : filter.targetGroup())
                .queryParam("result", filter.result().name()).queryParam("unit", unit).build().encode()
                .toUriString();
    }
}
