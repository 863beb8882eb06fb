package vn.khuyenhoc.cdht.transfer;

import java.io.OutputStream;
import java.time.Year;
import java.util.Locale;
import org.springframework.stereotype.Service;
import vn.khuyenhoc.cdht.area.UnitSummary;
import vn.khuyenhoc.cdht.area.Units;
import vn.khuyenhoc.cdht.area.Subtree;
import vn.khuyenhoc.cdht.area.UnitScope;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.NotFoundException;

/**
 * Templates and exports, checked against the user's subtree: a unit outside it is refused (403), an unknown code
 * is 404. Everyone who may read a unit may export it; importing is {@link ImportJobs}' business.
 */
@Service
public class Transfers {

    private final Exporter exporter;
    private final Units units;
    private final UnitScope scope;

    Transfers(Exporter exporter, Units units, UnitScope scope) {
        this.exporter = exporter;
        this.units = units;
        this.scope = scope;
    }

    /** The unit a template or export is for: 404 unknown, 403 outside the user's subtree. */
    public UnitSummary requireUnit(CurrentUser user, String code) {
        UnitSummary unit = units.findByCode(code == null ? "" : code.trim())
                .orElseThrow(() -> new NotFoundException("unit " + code));
        return scope.requireVisible(user, unit.id());
    }

    public static void requireYear(int year) {
        if (year < 2000 || year > Year.now().getValue() + 1) {
            // years as text: a number argument would print "2.026"
            throw new BusinessRuleException("transfer.year.range", "2000", String.valueOf(Year.now().getValue() + 1));
        }
    }

    /** The .xlsx template; with a unit, prefilled with its citizens (and their scores) for the year. */
    void template(CurrentUser user, String unitCode, int year, Locale locale, OutputStream out) {
        requireYear(year);
        Subtree path = null;
        Subtree lists = scope.subtree(user);
        if (unitCode != null && !unitCode.isBlank()) {
            UnitSummary unit = requireUnit(user, unitCode);
            path = scope.subtreeOf(unit.id());
            lists = path;
        }
        exporter.write(new Exporter.Request(path, lists, year, Exporter.Format.XLSX, true, locale), out);
    }

    /** Citizens and assessments of the unit's subtree for the year, in the import's layout. */
    void export(CurrentUser user, String unitCode, int year, Exporter.Format format, Locale locale,
            OutputStream out) {
        requireYear(year);
        UnitSummary unit = requireUnit(user, unitCode);
        Subtree path = scope.subtreeOf(unit.id());
        exporter.write(new Exporter.Request(path, path, year, format, false, locale), out);
    }
}
