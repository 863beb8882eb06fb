package vn.khuyenhoc.cdht.criteria;

/**
 * How a self-assessment reached the system. Every assessment records it: a citizen who completed the
 * self-assessment online by themselves may count as proficient in digital skills (domain.md section 4).
 */
public enum Channel {
    /** The citizen filled in the self-assessment online, by themselves. */
    ONLINE_SELF,
    /** Staff entered it on the citizen's behalf (paper form, proxy entry). */
    STAFF_PROXY
}
