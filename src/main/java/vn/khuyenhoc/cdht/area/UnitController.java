package vn.khuyenhoc.cdht.area;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.FormErrors;

/** Browsing and maintaining the unit tree. Scope and role checks live in {@link Units} and the services. */
@Controller
@RequestMapping("/units")
class UnitController {

    private static final String IMPORT_SESSION_KEY = "unitImport";

    private final Units units;
    private final UnitScope scope;
    private final UnitAdministration administration;
    private final UnitCsvImport csvImport;

    UnitController(Units units, UnitScope scope, UnitAdministration administration, UnitCsvImport csvImport) {
        this.units = units;
        this.scope = scope;
        this.administration = administration;
        this.csvImport = csvImport;
    }

    @InitBinder("unitForm")
    void guardIds(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @GetMapping
    String roots(@AuthenticationPrincipal CurrentUser user, Model model) {
        if (!user.isAdmin()) {
            return "redirect:/units/" + user.unitId();
        }
        model.addAttribute("roots", units.roots(user));
        return "area/roots";
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean retired, Model model) {
        UnitSummary unit = scope.requireVisible(user, id);
        model.addAttribute("unit", unit);
        model.addAttribute("breadcrumbs", units.breadcrumbs(user, id));
        model.addAttribute("children", units.children(id, retired));
        model.addAttribute("showRetired", retired);
        model.addAttribute("predecessors", units.predecessors(id));
        model.addAttribute("successors", units.successors(id));
        model.addAttribute("parent", unit.parentId() == null || !scope.canSee(user, unit.parentId())
                ? null : units.get(unit.parentId()));
        return "area/show";
    }

    @GetMapping("/search")
    String search(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "false") boolean retired, @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("q", q);
        model.addAttribute("retired", retired);
        model.addAttribute("results", units.search(scope.subtree(user), q, retired,
                PageRequest.of(Math.max(page, 0), 25)));
        return "area/search";
    }

    @GetMapping("/new")
    String createForm(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long parent,
            Model model) {
        administration.requireAdmin(user);
        UnitForm form = new UnitForm();
        form.setValidFrom(LocalDate.now());
        if (parent != null) {
            UnitSummary parentUnit = scope.requireVisible(user, parent);
            form.setParentCode(parentUnit.code());
            units.levels().stream()
                    .filter(l -> l.sortOrder() > levelOrder(parentUnit.levelCode()))
                    .findFirst()
                    .ifPresent(l -> form.setLevelCode(l.code()));
        }
        model.addAttribute("unitForm", form);
        return formView(model, null);
    }

    @PostMapping("/new")
    String create(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("unitForm") UnitForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return formView(model, null);
        }
        try {
            long id = administration.create(user, UnitDraft.of(form));
            redirect.addFlashAttribute("success", "area.created");
            return "redirect:/units/" + id;
        } catch (BusinessRuleException e) {
            FormErrors.reject(result, e);
            return formView(model, null);
        }
    }

    @GetMapping("/{id}/edit")
    String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        administration.requireAdmin(user);
        UnitSummary unit = scope.requireVisible(user, id);
        String parentCode = unit.parentId() == null ? "" : units.get(unit.parentId()).code();
        model.addAttribute("unitForm", UnitForm.of(unit, parentCode));
        return formView(model, unit);
    }

    @PostMapping("/{id}/edit")
    String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @ModelAttribute("unitForm") UnitForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        administration.requireAdmin(user);
        UnitSummary unit = scope.requireVisible(user, id);
        if (result.hasErrors()) {
            return formView(model, unit);
        }
        try {
            administration.update(user, id, UnitDraft.of(form), form.getVersion());
            redirect.addFlashAttribute("success", "area.updated");
            return "redirect:/units/" + id;
        } catch (BusinessRuleException e) {
            FormErrors.reject(result, e);
            if ("error.concurrentEdit".equals(e.messageKey())) {
                // Show what is stored now and carry its version, so a deliberate second save goes through.
                UnitSummary latest = units.get(id);
                model.addAttribute("latest", latest);
                form.setVersion(latest.version());
            }
            return formView(model, unit);
        }
    }

    @PostMapping("/{id}/retire")
    String retire(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(pattern = "dd/MM/yyyy") LocalDate validTo,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        scope.requireVisible(user, id);
        try {
            administration.retire(user, id, validTo, reason);
            redirect.addFlashAttribute("success", "area.retired");
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("failure", e.messageKey());
        }
        return "redirect:/units/" + id;
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        UnitSummary unit = scope.requireVisible(user, id);
        try {
            administration.delete(user, id);
            redirect.addFlashAttribute("success", "area.deleted");
            return unit.parentId() == null ? "redirect:/units" : "redirect:/units/" + unit.parentId();
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("failure", e.messageKey());
            return "redirect:/units/" + id;
        }
    }

    @GetMapping("/successions/new")
    String successionForm(@AuthenticationPrincipal CurrentUser user, Model model) {
        administration.requireAdmin(user);
        model.addAttribute("successionForm", new SuccessionForm());
        return "area/succession";
    }

    @PostMapping("/successions/new")
    String recordSuccession(@AuthenticationPrincipal CurrentUser user,
            @Valid @ModelAttribute("successionForm") SuccessionForm form, BindingResult result,
            RedirectAttributes redirect) {
        administration.requireAdmin(user);
        if (result.hasErrors()) {
            return "area/succession";
        }
        try {
            administration.recordSuccession(user, form.getOldCode(), form.getNewCode(), form.getEffectiveDate(),
                    form.getNote());
        } catch (BusinessRuleException e) {
            FormErrors.reject(result, e);
            return "area/succession";
        }
        redirect.addFlashAttribute("success", "area.succession.recorded");
        return units.findByCodeOn(form.getNewCode(), form.getEffectiveDate())
                .map(u -> "redirect:/units/" + u.id())
                .orElse("redirect:/units");
    }

    @GetMapping("/import")
    String importForm(@AuthenticationPrincipal CurrentUser user) {
        administration.requireAdmin(user);
        return "area/import";
    }

    /** Step 1: a dry run. The file is kept in the session so that step 2 commits exactly what was checked. */
    @PostMapping("/import")
    String dryRun(@AuthenticationPrincipal CurrentUser user, @RequestParam("file") MultipartFile file,
            HttpSession session, Model model) throws IOException {
        administration.requireAdmin(user);
        byte[] content = file.getBytes();
        UnitCsvImport.ImportReport report = csvImport.run(user, content, true);
        model.addAttribute("report", report);
        model.addAttribute("fileName", file.getOriginalFilename());
        if (report.clean()) {
            String token = UUID.randomUUID().toString();
            session.setAttribute(IMPORT_SESSION_KEY, new PendingImport(token, file.getOriginalFilename(), content));
            model.addAttribute("token", token);
        } else {
            session.removeAttribute(IMPORT_SESSION_KEY);
        }
        return "area/import";
    }

    /** Step 2: applies the file checked in step 1, all or nothing. */
    @PostMapping("/import/commit")
    String commitImport(@AuthenticationPrincipal CurrentUser user, @RequestParam String token, HttpSession session,
            Model model, RedirectAttributes redirect) {
        administration.requireAdmin(user);
        Object pending = session.getAttribute(IMPORT_SESSION_KEY);
        if (!(pending instanceof PendingImport p) || !p.token().equals(token)) {
            redirect.addFlashAttribute("failure", "import.expired");
            return "redirect:/units/import";
        }
        session.removeAttribute(IMPORT_SESSION_KEY);
        UnitCsvImport.ImportReport report = csvImport.run(user, p.content(), false);
        if (!report.committed()) {
            model.addAttribute("report", report);
            model.addAttribute("fileName", p.fileName());
            return "area/import";
        }
        redirect.addFlashAttribute("success", "import.done");
        redirect.addFlashAttribute("successArgs", new Object[] {report.rows().size()});
        return "redirect:/units";
    }

    private String formView(Model model, UnitSummary unit) {
        model.addAttribute("unit", unit);
        model.addAttribute("levels", units.levels());
        return "area/form";
    }

    private int levelOrder(String levelCode) {
        return units.levels().stream().filter(l -> l.code().equals(levelCode)).findFirst()
                .map(Units.LevelOption::sortOrder).orElse(Integer.MAX_VALUE);
    }


    record PendingImport(String token, String fileName, byte[] content) implements java.io.Serializable {
    }
}
