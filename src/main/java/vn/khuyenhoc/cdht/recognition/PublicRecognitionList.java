package vn.khuyenhoc.cdht.recognition;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.area.UnitSummary;
import vn.khuyenhoc.cdht.area.Units;
import vn.khuyenhoc.cdht.community.UnitLevels;
import vn.khuyenhoc.cdht.shared.NotFoundException;

/**
 * The notice-board list, readable without signing in: the citizens a commune's issued decisions recognised for
 * a year and who still hold the title. It reads the copies made when the assessments were picked (name, birth
 * year, hamlet) and nothing else, so no other personal data can leak through it (Decree 13/2023/NĐ-CP).
 */
@Service
@Transactional(readOnly = true)
class PublicRecognitionList {

    private final Units units;
    private final NamedParameterJdbcTemplate jdbc;

    PublicRecognitionList(Units units, NamedParameterJdbcTemplate jdbc) {
        this.units = units;
        this.jdbc = jdbc;
    }

    /** Every commune and year with at least one citizen holding the title, by commune, latest year first. */
    List<PublicListing> listings() {
        return jdbc.query("""
                select distinct u.code, u.name, d.decision_year
                from recognition_decision d join admin_unit u on u.id = d.unit_id
                where d.status = 'ISSUED' and exists (select 1 from recognition_item i where i.decision_id = d.id
                                                      and i.outcome = 'RECOGNISED' and i.revoked_at is null)
                order by u.name, d.decision_year desc""", Map.of(),
                (rs, i) -> new PublicListing(rs.getString("code"), rs.getString("name"), rs.getInt("decision_year")));
    }

    /** The commune named by code (404 if none) and its title holders of the year, by hamlet and name. */
    PublicPage page(String communeCode, int year) {
        UnitSummary commune = units.findByCode(communeCode)
                .filter(u -> UnitLevels.COMMUNE.equals(u.levelCode()))
                .orElseThrow(() -> new NotFoundException("commune " + communeCode));
        List<PublicEntry> entries = jdbc.query("""
                select i.citizen_name, i.birth_year, i.hamlet_name
                from recognition_item i join recognition_decision d on d.id = i.decision_id
                where d.unit_id = :unit and d.decision_year = :year and d.status = 'ISSUED'
                  and i.outcome = 'RECOGNISED' and i.revoked_at is null
                order by i.hamlet_name, d.issued_on, d.number, i.position""",
                Map.of("unit", commune.id(), "year", year),
                (rs, i) -> new PublicEntry(rs.getString("citizen_name"), rs.getInt("birth_year"),
                        rs.getString("hamlet_name")));
        return new PublicPage(commune.name(), year, entries);
    }
}
