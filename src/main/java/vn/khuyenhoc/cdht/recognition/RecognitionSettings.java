package vn.khuyenhoc.cdht.recognition;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.area.Subtree;
import vn.khuyenhoc.cdht.area.UnitSummary;
import vn.khuyenhoc.cdht.audit.AuditLog;
import vn.khuyenhoc.cdht.community.ProvinceManagers;
import vn.khuyenhoc.cdht.community.UnitLevels;
import vn.khuyenhoc.cdht.area.UnitOption;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.Constraints;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/**
 * Per province, who issues the communes' recognition decisions and who signs them, and the recitals a new draft
 * starts from. Admins and province officers change it for a province in their subtree; a province without a saved
 * setting uses the defaults of the message bundle. A draft copies these values, so a later change never alters a
 * decision already drafted.
 */
@Service
@Transactional
class RecognitionSettings {

    static final String AUDIT_TYPE = "RECOGNITION_SETTING";
    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    static final int TITLE_MAX = 200;
    static final int BASIS_MAX = 4000;

    private final RecognitionSettingRepository settings;
    private final ProvinceManagers managers;
    private final AuditLog audit;
    private final MessageSource messages;
    private final NamedParameterJdbcTemplate jdbc;

    RecognitionSettings(RecognitionSettingRepository settings, ProvinceManagers managers, AuditLog audit,
            MessageSource messages, NamedParameterJdbcTemplate jdbc) {
        this.settings = settings;
        this.managers = managers;
        this.audit = audit;
        this.messages = messages;
        this.jdbc = jdbc;
    }

    boolean mayManage(CurrentUser user) {
        return managers.mayManage(user);
    }

    /** The provinces whose setting the user may change (403 for other roles). */
    @Transactional(readOnly = true)
    List<UnitOption> provinces(CurrentUser user) {
        return managers.provinces(user);
    }

    /** A province's setting for its page: 403 outside the user's subtree or role, 404 for a non-province. */
    @Transactional(readOnly = true)
    SettingView get(CurrentUser user, long provinceId) {
        managers.requireProvince(user, provinceId);
        return forProvince(provinceId);
    }

    /** What a draft in this commune starts from: its province's setting, else the defaults. */
    @Transactional(readOnly = true)
    SettingView forCommune(long communeUnitId) {
        List<Long> province = jdbc.queryForList("select p.id from admin_unit p join admin_unit u on "
                + Subtree.within("u.path", "p.path") + """

                where u.id = :id and p.level_code = :province
                order by p.depth desc""", Map.of("id", communeUnitId, "province", UnitLevels.PROVINCE), Long.class);
        return province.isEmpty() ? defaults(null) : forProvince(province.get(0));
    }

    /**
     * Saves a province's setting. expectedVersion is the version shown on the form, null when it showed the
     * defaults; anything else means someone saved in between.
     */
    void update(CurrentUser user, long provinceId, IssuerKind kind, String signerTitle, String legalBasis,
            Long expectedVersion) {
        UnitSummary province = managers.requireProvince(user, provinceId);
        if (kind == null) {
            throw BusinessRuleException.onField("issuerKind", "recognition.issuerKind.required");
        }
        String title = requireLines(signerTitle, "signerTitle", TITLE_MAX);
        String basis = requireLines(legalBasis, "legalBasis", BASIS_MAX);
        var existing = settings.findByProvinceUnitId(provinceId);
        if (existing.isPresent() ? expectedVersion == null || existing.get().getVersion() != expectedVersion
                : expectedVersion != null) {
            throw new BusinessRuleException("error.concurrentEdit");
        }
        RecognitionSetting setting = existing.orElseGet(() -> new RecognitionSetting(provinceId));
        String before = existing.map(RecognitionSetting::describe).orElse("defaults");
        setting.change(kind, title, basis, user.username());
        // another manager may have saved the first setting of this province at the same moment
        Constraints.unlessClash(() -> settings.saveAndFlush(setting),
                () -> new BusinessRuleException("error.concurrentEdit"));
        audit.record(user.username(), "RECOGNITION_SETTING_UPDATED", AUDIT_TYPE, provinceId, provinceId,
                province.name() + ": " + before + " -> " + setting.describe(), null);
    }

    SettingView defaults(Long provinceId) {
        IssuerKind kind = IssuerKind.COMMUNE_HKH;
        return new SettingView(provinceId, kind, defaultSignerTitle(kind), text("recognition.default.legalBasis"),
                null, null, null);
    }

    String defaultSignerTitle(IssuerKind kind) {
        return text("recognition.default.signerTitle." + kind.name());
    }

    /**
     * Trims every line, drops empty ones and joins them with a newline: the form's textarea may post CR LF, and
     * the documents print one paragraph per line.
     */
    static String requireLines(String text, String field, int max) {
        String joined = String.join("\n", DecisionSummary.lines(text == null ? "" : text.replace("\r", "")));
        if (joined.isEmpty()) {
            throw BusinessRuleException.onField(field, "recognition.field.required");
        }
        if (joined.length() > max) {
            throw BusinessRuleException.onField(field, "recognition.field.tooLong", max);
        }
        return joined;
    }

    private SettingView forProvince(long provinceId) {
        return settings.findByProvinceUnitId(provinceId).map(RecognitionSetting::toView)
                .orElseGet(() -> defaults(provinceId));
    }

    private String text(String key) {
        return messages.getMessage(key, null, VIETNAMESE);
    }
}
