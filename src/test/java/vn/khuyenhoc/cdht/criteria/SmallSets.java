package vn.khuyenhoc.cdht.criteria;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.khuyenhoc.cdht.shared.SystemActor;

/**
 * A small criteria set built through the admin service, as tests of the catalogue and of publishing need one: one
 * competency K, one indicator K1 scored 0–10 and worded for the four seeded target groups, total 10, pass mark 5,
 * K1 the digital-skills indicator. A draft: the caller publishes it.
 */
final class SmallSets {

    static final List<String> SEEDED_GROUPS = List.of("FARMER", "WORKER", "OFFICIAL", "OTHER");

    private SmallSets() {
    }

    static long build(CriteriaAdministration administration, JdbcTemplate jdbc, String code, int yearFrom,
            int yearTo) {
        CriteriaSetForm form = new CriteriaSetForm();
        form.setCode(code);
        form.setName("Bộ nhỏ");
        form.setYearFrom(yearFrom);
        form.setYearTo(yearTo);
        form.setTotalPoints(10);
        form.setMinTotal(5);
        long id = administration.createDraft(SystemActor.INSTANCE, form);
        for (String group : jdbc.queryForList("select target_group_code from criteria_set_group where "
                + "criteria_set_id = ?", String.class, id)) {
            if (!SEEDED_GROUPS.contains(group)) {
                administration.removeTargetGroup(SystemActor.INSTANCE, id, group);
            }
        }
        CompetencyForm competency = new CompetencyForm();
        competency.setCode("K");
        competency.setName("Năng lực");
        long competencyId = administration.addCompetency(SystemActor.INSTANCE, id, competency);
        IndicatorForm indicator = IndicatorForm.blank(competencyId, SEEDED_GROUPS);
        indicator.setCode("K1");
        indicator.setName("Chỉ số");
        indicator.getWordings().forEach(w -> w.setWording("Nội dung " + w.getGroupCode()));
        administration.addIndicator(SystemActor.INSTANCE, id, indicator);
        CriteriaSetForm rules = CriteriaSetForm.of(administration.view(SystemActor.INSTANCE, id).definition(),
                jdbc.queryForObject("select version from criteria_set where id = ?", Long.class, id));
        rules.setDigitalIndicatorCode("K1");
        administration.update(SystemActor.INSTANCE, id, rules);
        return id;
    }
}
