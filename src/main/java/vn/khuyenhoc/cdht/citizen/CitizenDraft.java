package vn.khuyenhoc.cdht.citizen;

/**
 * A citizen as typed on a form or read from an import row, before any rule has looked at it. idNumber is the
 * CCCD as typed; idNumberToken a CCCD checked earlier and sealed by {@link Citizens#sealIdNumber}, so that a
 * form re-rendered after an error need not show the number again. Both stay out of toString().
 */
public record CitizenDraft(String fullName, Integer birthYear, Gender gender, String residenceCode,
        String targetGroup, Long workplaceId, Long householdId, Long clanId, String phone, String idNumber,
        String idNumberToken) {

    @Override
    public String toString() {
        return "CitizenDraft[" + fullName + ", " + birthYear + ", " + residenceCode + ", cccd="
                + (idNumber == null || idNumber.isBlank() ? "none" : "typed") + "]";
    }
}
