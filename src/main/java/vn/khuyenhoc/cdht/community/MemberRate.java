package vn.khuyenhoc.cdht.community;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How many members of a collective hold the "Công dân học tập" title in a year. For a learning unit the rate is
 * also taken against the member count it declared for the year: a unit needs at least
 * {@value #UNIT_THRESHOLD_PERCENT} % of its members recognised to be recognised itself (Thông tư 24/2023/TT-BGDĐT).
 *
 * @param members         citizens recorded as members of the collective
 * @param recognised      of them, those whose assessment of the year is RECOGNISED
 * @param declaredMembers the learning unit's declared member count for the year; null when none is recorded
 */
public record MemberRate(int year, long members, long recognised, Integer declaredMembers) {

    public static final int UNIT_THRESHOLD_PERCENT = 90;

    public MemberRate withDeclaredMembers(Integer count) {
        return new MemberRate(year, members, recognised, count);
    }

    /** Recognised members per recorded member in percent, one decimal rounded down; null without members. */
    public BigDecimal percent() {
        return percentOf(members);
    }

    /** Recognised members per declared member in percent; null without a declared count above zero. */
    public BigDecimal declaredPercent() {
        return declaredMembers == null ? null : percentOf(declaredMembers);
    }

    /** Whether the declared count is reached at the unit threshold; null without a declared count above zero. */
    public Boolean meetsUnitThreshold() {
        if (declaredMembers == null || declaredMembers <= 0) {
            return null;
        }
        return recognised * 100 >= (long) UNIT_THRESHOLD_PERCENT * declaredMembers;
    }

    /** For templates, which may not read static fields. */
    public int threshold() {
        return UNIT_THRESHOLD_PERCENT;
    }

    /** The year as text: a number argument of a message would print with a thousands separator. */
    public String yearText() {
        return String.valueOf(year);
    }

    // rounded down, so that 89.96 % never reads as 90.0 % beside "below the threshold"
    private BigDecimal percentOf(long base) {
        if (base <= 0) {
            return null;
        }
        return BigDecimal.valueOf(recognised * 100).divide(BigDecimal.valueOf(base), 1, RoundingMode.DOWN);
    }
}
