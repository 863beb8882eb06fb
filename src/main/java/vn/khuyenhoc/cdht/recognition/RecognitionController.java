package vn.khuyenhoc.cdht.recognition;

import jakarta.validation.Valid;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import vn.khuyenhoc.cdht.area.UnitOption;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.FormErrors;
import vn.khuyenhoc.cdht.shared.NotFoundException;

/**
 * Recognition pages: the list of decisions, the draft form, the decision with its citizens (picking them:
 * {@link DecisionPickController}), issuing (after a confirmation page), revoking, the documents, and the province setting. Every
 * handler goes through the services, which check scope, role, version and status.
 */
@Controller
@RequestMapping("/recognition")
class RecognitionController {

    private static final int PAGE_SIZE = 25;
    private static final String FAILURE = "recognitionFailure";
    private static final String FAILURE_ARGS = "recognitionFailureArgs";
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final RecognitionDecisions decisions;
    private final RecognitionSettings settings;
    private final DecisionDocuments documents;
    private final UnitScope scope;

    RecognitionController(RecognitionDecisions decisions, RecognitionSettings settings, DecisionDocuments documents,
            UnitScope scope) {
        this.decisions = decisions;
        this.settings = settings;
        this.documents = documents;
        this.scope = scope;
    }

    @InitBinder({"decisionForm", "settingForm", "revokeForm"})
    void guardIds(WebDataBinder binder) {
        binder.setDisallowedFields("id", "status");
    }

    // ---- the list ----

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
            @RequestParam(defaultValue = "") String unit, @RequestParam(defaultValue = "0") int page, Model model) {
        int shownYear = year == null ? Year.now().getValue() : year;
        Optional<UnitSummary> within = scope.visibleUnit(user, unit);
        boolean unitUnknown = !unit.isBlank() && within.isEmpty();
        model.addAttribute("year", shownYear);
        model.addAttribute("unit", unit);
        model.addAttribute("unitUnknown", unitUnknown);
        model.addAttribute("rows", unitUnknown ? Page.empty(PageRequest.of(0, 1))
                : decisions.list(user, shownYear, within.map(UnitSummary::id).orElse(null),
                        PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        model.addAttribute("query", UriComponentsBuilder.fromPath("/recognition").queryParam("year", shownYear)
                .queryParam("unit", unit).build().encode().toUriString());
        model.addAttribute("mayDecide", decisions.mayDecide(user));
        model.addAttribute("mayManage", settings.mayManage(user));
        return "recognition/list";
    }

    // ---- drafting ----

    /** Without a commune and year the page first asks for them; then the form starts from the setting. */
    @GetMapping("/new")
    String createForm(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String unit,
            @RequestParam(required = false) Integer year, Model model) {
        decisions.requireDeciderRole(user);
        UnitSummary commune = null;
        if (!unit.isBlank() && year != null) {
            try {
                commune = decisions.commune(user, unit);
            } catch (BusinessRuleException e) {
                model.addAttribute("unitError", e);
            }
        }
        if (commune == null) {
            return startView(user, unit, year, model);
        }
        model.addAttribute("decisionForm", DecisionForm.of(commune.code(), year,
                decisions.proposal(user, commune, year)));
        return formView(commune.name(), null, model);
    }

    @PostMapping("/new")
    String create(@AuthenticationPrincipal CurrentUser user,
            @Valid @ModelAttribute("decisionForm") DecisionForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        decisions.requireDeciderRole(user);
        UnitSummary commune;
        try {
            commune = decisions.commune(user, form.getUnitCode());
        } catch (BusinessRuleException e) {
            model.addAttribute("unitError", e);
            return startView(user, form.getUnitCode(), form.getYear(), model);
        }
        if (result.hasErrors()) {
            return formView(commune.name(), null, model);
        }
        try {
            long id = decisions.create(user, form.getUnitCode(), form.getYear(), form.toDraft());
            redirect.addFlashAttribute("success", "recognition.drafted");
            redirect.addFlashAttribute("successArgs", new Object[] {decisions.selectedCount(user, id)});
            return "redirect:/recognition/" + id + "/pick";
        } catch (BusinessRuleException e) {
            FormErrors.reject(result, e);
            return formView(commune.name(), null, model);
        }
    }

    @GetMapping("/{id}/edit")
    String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model,
            RedirectAttributes redirect) {
        DecisionDetail detail = draftOrNull(user, id, redirect);
        if (detail == null) {
            return "redirect:/recognition/" + id;
        }
        DecisionSummary decision = detail.decision();
        model.addAttribute("decisionForm", DecisionForm.of(decision));
        return formView(decision.unitName(), decision, model);
    }

    @PostMapping("/{id}/edit")
    String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @ModelAttribute("decisionForm") DecisionForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        DecisionDetail detail = draftOrNull(user, id, redirect);
        if (detail == null) {
            return "redirect:/recognition/" + id;
        }
        DecisionSummary decision = detail.decision();
        form.setUnitCode(decision.unitCode());
        form.setYear(decision.year());
        if (result.hasErrors()) {
            return formView(decision.unitName(), decision, model);
        }
        try {
            decisions.update(user, id, form.toDraft(), form.getVersion());
            redirect.addFlashAttribute("success", "recognition.updated");
            return "redirect:/recognition/" + id;
        } catch (BusinessRuleException e) {
            if (!"error.concurrentEdit".equals(e.messageKey())) {
                FormErrors.reject(result, e);
                return formView(decision.unitName(), decision, model);
            }
            // Someone saved first: show their values, keep what this user typed, and let the next save win.
            DecisionSummary latest = decisions.get(user, id);
            result.reject("error.concurrentEdit");
            form.setVersion(latest.version());
            model.addAttribute("latest", latest);
            return formView(latest.unitName(), latest, model);
        }
    }

    // ---- one decision ----

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("detail", decisions.detail(user, id));
        return "recognition/show";
    }

    @GetMapping("/{id}/issue")
    String issueForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model,
            RedirectAttributes redirect) {
        DecisionDetail detail = draftOrNull(user, id, redirect);
        if (detail == null) {
            return "redirect:/recognition/" + id;
        }
        model.addAttribute("detail", detail);
        model.addAttribute("action", "issue");
        return "recognition/confirm";
    }

    @PostMapping("/{id}/issue")
    String issue(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version,
            RedirectAttributes redirect) {
        try {
            int recognised = decisions.issue(user, id, version);
            redirect.addFlashAttribute("success", "recognition.issued");
            redirect.addFlashAttribute("successArgs", new Object[] {recognised});
        } catch (BusinessRuleException e) {
            failure(redirect, e);
        }
        return "redirect:/recognition/" + id;
    }

    @GetMapping("/{id}/delete")
    String deleteForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model,
            RedirectAttributes redirect) {
        DecisionDetail detail = draftOrNull(user, id, redirect);
        if (detail == null) {
            return "redirect:/recognition/" + id;
        }
        model.addAttribute("detail", detail);
        model.addAttribute("action", "delete");
        return "recognition/confirm";
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version,
            RedirectAttributes redirect) {
        DecisionSummary decision = decisions.get(user, id);
        try {
            decisions.delete(user, id, version);
            redirect.addFlashAttribute("success", "recognition.deleted");
            return "redirect:/recognition?year=" + decision.year();
        } catch (BusinessRuleException e) {
            failure(redirect, e);
            return "redirect:/recognition/" + id;
        }
    }

    @GetMapping("/{id}/items/{itemId}/revoke")
    String revokeForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long itemId,
            Model model) {
        DecisionDetail detail = decisions.detailToDecide(user, id);
        model.addAttribute("revokeForm", new RevokeForm());
        return revokeView(detail, itemId, model);
    }

    @PostMapping("/{id}/items/{itemId}/revoke")
    String revoke(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long itemId,
            @ModelAttribute("revokeForm") RevokeForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        try {
            decisions.revoke(user, id, itemId, form.getReason());
            redirect.addFlashAttribute("success", "recognition.revoked");
            return "redirect:/recognition/" + id;
        } catch (BusinessRuleException e) {
            if (e.field() == null) {
                failure(redirect, e);
                return "redirect:/recognition/" + id;
            }
            FormErrors.reject(result, e);
            return revokeView(decisions.detail(user, id), itemId, model);
        }
    }

    // ---- documents ----

    @GetMapping("/{id}/decision.pdf")
    ResponseEntity<byte[]> decisionPdf(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        DecisionSummary decision = decisions.get(user, id);
        return file(documents.decision(user, id), MediaType.APPLICATION_PDF,
                DecisionDocuments.fileName(decision, "QD", "pdf"));
    }

    @GetMapping("/{id}/certificates.pdf")
    Object certificatesPdf(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            RedirectAttributes redirect) {
        DecisionSummary decision = decisions.get(user, id);
        try {
            return file(documents.certificates(user, id), MediaType.APPLICATION_PDF,
                    DecisionDocuments.fileName(decision, "GCN", "pdf"));
        } catch (BusinessRuleException e) {
            failure(redirect, e);
            return "redirect:/recognition/" + id;
        }
    }

    @GetMapping("/{id}/items/{itemId}/certificate.pdf")
    Object certificatePdf(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @PathVariable long itemId, RedirectAttributes redirect) {
        DecisionSummary decision = decisions.get(user, id);
        try {
            return file(documents.certificate(user, id, itemId), MediaType.APPLICATION_PDF,
                    DecisionDocuments.fileName(decision, "GCN-" + itemId, "pdf"));
        } catch (BusinessRuleException e) {
            failure(redirect, e);
            return "redirect:/recognition/" + id;
        }
    }

    @GetMapping("/{id}/list.xlsx")
    ResponseEntity<byte[]> spreadsheet(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        DecisionSummary decision = decisions.get(user, id);
        return file(documents.spreadsheet(user, id), XLSX, DecisionDocuments.fileName(decision, "DS", "xlsx"));
    }

    // ---- the province setting ----

    @GetMapping("/settings")
    String settingsPage(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long province,
            Model model) {
        List<UnitOption> provinces = settings.provinces(user);
        Long shown = province != null ? province : provinces.size() == 1 ? provinces.get(0).id() : null;
        model.addAttribute("provinces", provinces);
        model.addAttribute("province", shown);
        model.addAttribute("issuerKinds", IssuerKind.values());
        if (shown != null) {
            model.addAttribute("settingForm", SettingForm.of(settings.get(user, shown)));
            model.addAttribute("setting", settings.get(user, shown));
        }
        return "recognition/settings";
    }

    @PostMapping("/settings")
    String saveSettings(@AuthenticationPrincipal CurrentUser user, @RequestParam long province,
            @Valid @ModelAttribute("settingForm") SettingForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        SettingView current = settings.get(user, province);
        if (!result.hasErrors()) {
            try {
                settings.update(user, province, form.getIssuerKind(), form.getSignerTitle(), form.getLegalBasis(),
                        form.getVersion());
                redirect.addFlashAttribute("success", "recognition.settings.saved");
                return "redirect:/recognition/settings?province=" + province;
            } catch (BusinessRuleException e) {
                FormErrors.reject(result, e);
                if ("error.concurrentEdit".equals(e.messageKey())) {
                    form.setVersion(current.version());
                    model.addAttribute("latest", current);
                }
            }
        }
        model.addAttribute("provinces", settings.provinces(user));
        model.addAttribute("province", province);
        model.addAttribute("issuerKinds", IssuerKind.values());
        model.addAttribute("setting", current);
        return "recognition/settings";
    }

    // ---- helpers ----

    /**
     * The draft with its citizens, if the user may change it: 404/403 otherwise. Null for an issued decision, with
     * the reason put in the flash for the decision's page, where the caller redirects.
     */
    private DecisionDetail draftOrNull(CurrentUser user, long id, RedirectAttributes redirect) {
        DecisionDetail detail = decisions.detailToDecide(user, id);
        if (!detail.decision().draft()) {
            failure(redirect, new BusinessRuleException("recognition.decision.issued"));
            return null;
        }
        return detail;
    }

    private String startView(CurrentUser user, String unit, Integer year, Model model) {
        List<UnitOption> communes = decisions.communes(user);
        model.addAttribute("communes", communes);
        String code = unit == null ? "" : unit;
        model.addAttribute("unit", code.isBlank() && communes.size() == 1 ? communes.get(0).code() : code);
        model.addAttribute("year", year == null ? Year.now().getValue() : year);
        return "recognition/new";
    }

    private String formView(String communeName, DecisionSummary decision, Model model) {
        model.addAttribute("communeName", communeName);
        model.addAttribute("decision", decision);
        model.addAttribute("issuerKinds", IssuerKind.values());
        return "recognition/form";
    }

    private static String revokeView(DecisionDetail detail, long itemId, Model model) {
        DecisionItem item = detail.items().stream().filter(i -> i.id() == itemId).findFirst()
                .orElseThrow(() -> new NotFoundException("recognition item " + itemId));
        model.addAttribute("detail", detail);
        model.addAttribute("item", item);
        return "recognition/revoke";
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
                .body(body);
    }

    static void failure(RedirectAttributes redirect, BusinessRuleException e) {
        redirect.addFlashAttribute(FAILURE, e.messageKey());
        redirect.addFlashAttribute(FAILURE_ARGS, e.arguments());
    }
}
