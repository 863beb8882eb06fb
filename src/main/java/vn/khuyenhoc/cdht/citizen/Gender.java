package vn.khuyenhoc.cdht.citizen;

/** Gender as recorded (the data allows "other"). */
public enum Gender {
    MALE,
    FEMALE,
    OTHER
}
