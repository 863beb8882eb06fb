package vn.khuyenhoc.cdht.community;

/** What kind of body a learning unit (đơn vị học tập) is. */
public enum LearningUnitType {
    AGENCY,
    SCHOOL,
    ENTERPRISE,
    OTHER
}
