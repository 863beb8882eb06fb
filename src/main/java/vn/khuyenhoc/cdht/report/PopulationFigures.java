package vn.khuyenhoc.cdht.report;

/** Figures entered for a unit and year (any may be missing): the population bases shown beside official ones. */
public record PopulationFigures(Long adults, Long officials, Long associationMembers, Long associationTrained) {
}
