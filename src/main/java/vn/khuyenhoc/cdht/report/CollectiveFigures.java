package vn.khuyenhoc.cdht.report;

import vn.khuyenhoc.cdht.community.CollectiveKind;

/** Collectives of one kind over a subtree: how many exist now, how many were recognised in the year. */
public record CollectiveFigures(CollectiveKind kind, long total, long recognised, long recognisedMembers) {
}
